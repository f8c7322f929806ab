namespace SyncConfig.Rules;

/// <summary>
/// Names of attribute arguments that violations are about: the sync's own (FolderName, Repository, the
/// window's) and the ones the parsers report by default. A destination's table rows name themselves.
/// </summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
static class Setting
{
    public const string Path = "Path";
    public const string Server = "Server";
    public const string Port = "Port";
    public const string Password = "Password";
    public const string Domain = "Domain";
    public const string HostKeyFingerprint = "HostKeyFingerprint";
    public const string CertificateFingerprint = "CertificateFingerprint";
    public const string Endpoint = "Endpoint";
    public const string UseHttps = "UseHttps";
    public const string Bucket = "Bucket";
    public const string Region = "Region";
    public const string RootPath = "RootPath";
    public const string AccessKey = "AccessKey";
    public const string SecretKey = "SecretKey";
    public const string FolderName = "FolderName";
    public const string CustomName = "CustomName";
    public const string Repository = "Repository";
    public const string Start = "Start";
    public const string End = "End";
    public const string Days = "Days";

    /// <summary>The class itself (its name): for rules about the definition as a whole.</summary>
    public const string Definition = "";
}
