using System.Collections.Generic;

namespace SyncConfig.Rules;

/// <summary>Every SyncConfig diagnostic: one ID, title and message, shared by the analyzers and the runtime.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
static class RuleCatalog
{
    public static readonly RuleDescriptor InvalidNetworkSharePath = new RuleDescriptor(
        "SYNC0001", RuleSeverity.Error, "Invalid network share path",
        "Network share path '{0}' {1}; write it as '{2}'");

    public static readonly RuleDescriptor WrongPathSeparator = new RuleDescriptor(
        "SYNC0002", RuleSeverity.Error, "Wrong path separator",
        "{0} '{1}' must be {2} separated; write '{3}'");

    public static readonly RuleDescriptor SchemeInServer = new RuleDescriptor(
        "SYNC0003", RuleSeverity.Error, "Scheme in a file-transfer server string",
        "Server '{0}' must not start with '{1}' (the protocol is the first argument); write '{2}'");

    public static readonly RuleDescriptor ProtocolInEndpoint = new RuleDescriptor(
        "SYNC0004", RuleSeverity.Error, "Protocol in an S3 endpoint",
        "Endpoint '{0}' must not start with '{1}'; write '{2}' with UseHttps = {3}");

    public static readonly RuleDescriptor DomainGivenTwice = new RuleDescriptor(
        "SYNC0005", RuleSeverity.Error, "Domain given twice",
        "User name '{0}' already names its domain, so Domain '{1}' must be left out; remove Domain or write UserName = '{2}'");

    public static readonly RuleDescriptor PasswordWithoutUserName = new RuleDescriptor(
        "SYNC0006", RuleSeverity.Error, "Password without a user name",
        "{0} is set but UserName is not; add UserName = '{1}' or remove {0}");

    public static readonly RuleDescriptor InvalidLocalPath = new RuleDescriptor(
        "SYNC0007", RuleSeverity.Error, "Invalid local path",
        "Local path '{0}' {1}; write an absolute path such as '{2}'");

    public static readonly RuleDescriptor NetworkShareInLocalPath = new RuleDescriptor(
        "SYNC0008", RuleSeverity.Error, "Network share given as a local path",
        "'{0}' is a network share; use [NetworkShareSync(@\"{1}\")] instead of [LocalPathSync]");

    public static readonly RuleDescriptor InvalidServer = new RuleDescriptor(
        "SYNC0009", RuleSeverity.Error, "Invalid file-transfer server",
        "Server '{0}' {1}; write 'host/path', e.g. '{2}'");

    public static readonly RuleDescriptor PortOutOfRange = new RuleDescriptor(
        "SYNC0010", RuleSeverity.Error, "Port out of range",
        "Port {0} is not between 1 and 65535; leave it out for the default port {1}");

    public static readonly RuleDescriptor SftpPathRelativeToHome = new RuleDescriptor(
        "SYNC0011", RuleSeverity.Warning, "SFTP path probably relative to the home folder",
        "SFTP path '{0}' looks relative to the user's home folder; give the full path from the server root, e.g. '{1}'");

    public static readonly RuleDescriptor UserNameRequired = new RuleDescriptor(
        "SYNC0012", RuleSeverity.Error, "User name required",
        "{0} needs a UserName; add UserName = '{1}'");

    public static readonly RuleDescriptor InvalidHostKeyFingerprint = new RuleDescriptor(
        "SYNC0013", RuleSeverity.Error, "Invalid host key fingerprint",
        "Host key fingerprint '{0}' {1}; write 'SHA256:' and the base64 key hash, e.g. '{2}'");

    public static readonly RuleDescriptor MissingHostKeyFingerprint = new RuleDescriptor(
        "SYNC0014", RuleSeverity.Warning, "SFTP without a host key fingerprint",
        "SFTP server '{0}' has no HostKeyFingerprint, so the first host key offered would be trusted blindly; add HostKeyFingerprint = '{1}'");

    public static readonly RuleDescriptor InvalidEndpoint = new RuleDescriptor(
        "SYNC0015", RuleSeverity.Error, "Invalid S3 endpoint",
        "Endpoint '{0}' {1}; {2}");

    public static readonly RuleDescriptor InvalidBucketName = new RuleDescriptor(
        "SYNC0016", RuleSeverity.Error, "Invalid S3 bucket name",
        "Bucket '{0}' {1}; write e.g. '{2}'");

    public static readonly RuleDescriptor UnknownRegion = new RuleDescriptor(
        "SYNC0017", RuleSeverity.Error, "Unknown S3 region",
        "Region '{0}' {1}; write e.g. '{2}'");

    public static readonly RuleDescriptor InvalidRootPath = new RuleDescriptor(
        "SYNC0018", RuleSeverity.Error, "Invalid S3 root path",
        "Root path '{0}' {1}; write '{2}'");

    public static readonly RuleDescriptor AccessKeyRequired = new RuleDescriptor(
        "SYNC0019", RuleSeverity.Error, "S3 key required",
        "{0} is required for S3; add {0} = '{1}'");

    public static readonly RuleDescriptor InvalidFolderName = new RuleDescriptor(
        "SYNC0020", RuleSeverity.Error, "Invalid folder name",
        "Folder name '{0}' {1}; write e.g. '{2}'");

    public static readonly RuleDescriptor InvalidRepository = new RuleDescriptor(
        "SYNC0021", RuleSeverity.Error, "Repository is not a [SyncRepository] class",
        "Repository {0}; write Repository = typeof({1})");

    public static readonly RuleDescriptor DuplicateTarget = new RuleDescriptor(
        "SYNC0022", RuleSeverity.Error, "Two syncs write into the same remote folder",
        "{0} and {1} both write into '{2}' with folder name '{3}'; give one of them another FolderName, e.g. '{4}'");

    public static readonly RuleDescriptor SeveralDestinations = new RuleDescriptor(
        "SYNC0023", RuleSeverity.Error, "More than one destination attribute",
        "{0} has [{1}] and [{2}]; a sync has exactly one destination, so move one into a class of its own");

    public static readonly RuleDescriptor DefinitionNotPartial = new RuleDescriptor(
        "SYNC0024", RuleSeverity.Error, "Definition class must be partial",
        "Class '{0}' must be partial so the generator can complete it; write 'partial class {0}'");

    public static readonly RuleDescriptor InvalidWindowTime = new RuleDescriptor(
        "SYNC0025", RuleSeverity.Error, "Invalid sync window time",
        "Sync window {0} time '{1}' is not a 24-hour HH:mm time; write '{2}'");

    public static readonly RuleDescriptor EmptyWindow = new RuleDescriptor(
        "SYNC0026", RuleSeverity.Error, "Sync window starts when it ends",
        "Sync window start '{0}' equals its end '{1}'; leave [SyncWindow] out for all day, or write an end such as '{2}'");

    public static readonly RuleDescriptor NoWindowDays = new RuleDescriptor(
        "SYNC0027", RuleSeverity.Error, "Sync window without days",
        "Sync window Days = {0} allows no day of the week; write e.g. Days = {1}");

    public static readonly RuleDescriptor MalformedReference = new RuleDescriptor(
        "SYNC0028", RuleSeverity.Error, "Malformed $(NAME) reference",
        "'{0}' in {1} is not a valid reference; write '{2}' (NAME is letters, digits and '_', not starting with a digit)");

    public static readonly RuleDescriptor LiteralSecret = new RuleDescriptor(
        "SYNC0029", RuleSeverity.Warning, "Secret written as a literal",
        "{0} is written as a literal and ends up in source control; supply it from configuration as '{1}'");

    public static readonly RuleDescriptor InvalidRepositoryPath = new RuleDescriptor(
        "SYNC0030", RuleSeverity.Error, "Invalid repository path",
        "Repository path '{0}' {1}; write an absolute path or a reference, e.g. '{2}'");

    public static readonly RuleDescriptor InvalidCertificateFingerprint = new RuleDescriptor(
        "SYNC0031", RuleSeverity.Error, "Invalid certificate fingerprint",
        "Certificate fingerprint '{0}' {1}; write the SHA-256 fingerprint as 64 hex digits, e.g. '{2}'");

    public static readonly RuleDescriptor GenericDefinition = new RuleDescriptor(
        "SYNC0032", RuleSeverity.Error, "Definition class is generic",
        "Class '{0}' has type parameters <{1}>, so the generator cannot register it and the runtime would not know it; remove <{1}> and write one class per sync or repository");

    public static readonly RuleDescriptor NestedInIncompleteType = new RuleDescriptor(
        "SYNC0033", RuleSeverity.Error, "Definition class nested in a type that is not partial",
        "Class '{0}' is nested in '{1}', which is {2}, so the generator cannot register it and the runtime would not know it; {3}");

    public static readonly RuleDescriptor OwnRegistrationMember = new RuleDescriptor(
        "SYNC0034", RuleSeverity.Error, "Definition class uses the name Registration",
        "Class '{0}' {1}, but the generator must add a static member named 'Registration' to register it, so the runtime would not know it; {2}");

    public static readonly RuleDescriptor RepositoryInOtherAssembly = new RuleDescriptor(
        "SYNC0035", RuleSeverity.Error, "Repository declared in another assembly",
        "Repository '{0}' is declared in assembly '{1}', but the generator links a sync only to [SyncRepository] classes of this project, so the runtime would not know this sync; declare the repository here, e.g. '{2}'");

    public static readonly RuleDescriptor RecordDefinition = new RuleDescriptor(
        "SYNC0036", RuleSeverity.Error, "Definition is a record",
        "'{0}' is a record, and the generator completes only classes, so the runtime would not know it; write 'partial class {0}'");

    public static readonly RuleDescriptor DuplicateSyncName = new RuleDescriptor(
        "SYNC0037", RuleSeverity.Error, "Two syncs with the same class name",
        "Sync '{0}' has the same class name as '{1}' (compared ignoring case); the command line and the status and lock files know a sync by its class name, so rename one, e.g. '{2}'");

    public static readonly RuleDescriptor DuplicateCustomName = new RuleDescriptor(
        "SYNC0038", RuleSeverity.Error, "Two syncs with the same custom name",
        "CustomName '{0}' of {1} is also the CustomName of {2} (compared ignoring case), so a command given that name could mean either; give each sync its own CustomName");

    public static readonly RuleDescriptor CustomNameIsAnotherClassName = new RuleDescriptor(
        "SYNC0039", RuleSeverity.Error, "Custom name equal to another sync's class name",
        "CustomName '{0}' of {1} is the class name of another sync, {2} (compared ignoring case), so a command given that name could mean either; choose another CustomName, e.g. '{3}'");

    public static readonly RuleDescriptor IgnoredSetting = new RuleDescriptor(
        "SYNC0040", RuleSeverity.Warning, "Setting ignored by the chosen protocol or service",
        "{0} is ignored with {1}: only {2} reads it; remove {0}, or choose {2} if that is what the server speaks");

    public static IReadOnlyList<RuleDescriptor> All { get; } = new[]
    {
        InvalidNetworkSharePath, WrongPathSeparator, SchemeInServer, ProtocolInEndpoint, DomainGivenTwice,
        PasswordWithoutUserName, InvalidLocalPath, NetworkShareInLocalPath, InvalidServer, PortOutOfRange,
        SftpPathRelativeToHome, UserNameRequired, InvalidHostKeyFingerprint, MissingHostKeyFingerprint,
        InvalidEndpoint, InvalidBucketName, UnknownRegion, InvalidRootPath, AccessKeyRequired,
        InvalidFolderName, InvalidRepository, DuplicateTarget, SeveralDestinations, DefinitionNotPartial,
        InvalidWindowTime, EmptyWindow, NoWindowDays, MalformedReference, LiteralSecret, InvalidRepositoryPath,
        InvalidCertificateFingerprint, GenericDefinition, NestedInIncompleteType, OwnRegistrationMember,
        RepositoryInOtherAssembly, RecordDefinition, DuplicateSyncName, DuplicateCustomName, CustomNameIsAnotherClassName,
        IgnoredSetting,
    };
}
