using Microsoft.Extensions.Configuration;

namespace SyncConfig.Runtime.Configuration;

/// <summary>
/// Everything the runtime reads from outside: settings, the values of <c>$(NAME)</c> references and
/// the problems found while loading them. Values come from, lowest precedence first: the
/// <c>Values</c> section of <c>appsettings.json</c> (beside the executable, then <c>--config</c>), the
/// secrets file (a flat JSON object of names to values), and environment variables of the same name.
/// </summary>
public sealed class RuntimeConfiguration
{
    public const string ValuesSection = "Values";
    public const string ConfigurationFileName = "appsettings.json";
    public const string SecretsFileName = "secrets.json";

    private RuntimeConfiguration(IConfiguration root, RuntimeSettings settings, TimeZoneInfo timeZone, IReadOnlyList<string> problems, IReadOnlyList<string> warnings)
    {
        Root = root;
        Settings = settings;
        TimeZone = timeZone;
        Problems = problems;
        Warnings = warnings;
    }

    public IConfiguration Root { get; }
    public RuntimeSettings Settings { get; }
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Problems with the configuration itself (unreadable files, unknown time zone, open secrets file).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>What is probably a mistake but stops nothing (an unknown setting).</summary>
    public IReadOnlyList<string> Warnings { get; }

    public string? Value(string name) => Root[ValuesSection + ":" + name];

    /// <param name="readSecrets">False for the commands that resolve nothing secret (<c>list</c>, <c>status</c>, <c>lease</c>):
    /// a broken secrets file must not stop them.</param>
    public static RuntimeConfiguration Load(string? configFile, bool readSecrets = true)
    {
        var problems = new List<string>();
        var warnings = new List<string>();
        var baseFolder = configFile is null ? AppContext.BaseDirectory : Path.GetDirectoryName(Path.GetFullPath(configFile))!;

        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, ConfigurationFileName), optional: true, reloadOnChange: false);
        if (configFile is not null)
        {
            if (File.Exists(configFile))
                builder.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
            else
                problems.Add($"Configuration file '{configFile}' does not exist.");
        }

        IConfiguration settingsOnly;
        try
        {
            settingsOnly = builder.AddEnvironmentVariables().Build();
        }
        catch (InvalidDataException e)
        {
            problems.Add(e.Message);
            settingsOnly = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        }

        var settings = RuntimeSettingsReader.Read(settingsOnly.GetSection(RuntimeSettings.SectionName), problems, warnings);
        // Given folders are relative to the configuration file; without one, the platform's place for a service's state.
        var defaults = settings.StateFolder.Length == 0 || settings.StatusFolder.Length == 0 ? DefaultFolders.Root() : null;
        settings.StateFolder = settings.StateFolder.Length == 0 ? Path.Combine(defaults!, DefaultFolders.StateName) : Path.GetFullPath(settings.StateFolder, baseFolder);
        settings.StatusFolder = settings.StatusFolder.Length == 0 ? Path.Combine(defaults!, DefaultFolders.StatusName) : Path.GetFullPath(settings.StatusFolder, baseFolder);

        var secretsFile = Path.GetFullPath(string.IsNullOrEmpty(settings.SecretsFile) ? SecretsFileName : settings.SecretsFile, baseFolder);
        var secrets = readSecrets ? SecretsFile.Read(secretsFile, problems) : new Dictionary<string, string>();
        var environment = Environment.GetEnvironmentVariables();
        var root = new ConfigurationBuilder()
            .AddConfiguration(settingsOnly)
            .AddInMemoryCollection(secrets.Select(p => KeyValuePair.Create(ValuesSection + ":" + p.Key, (string?)p.Value)))
            .AddInMemoryCollection(environment.Keys.Cast<string>().Select(k => KeyValuePair.Create(ValuesSection + ":" + k, (string?)environment[k]?.ToString())))
            .Build();

        return new RuntimeConfiguration(root, settings, ResolveTimeZone(settings.TimeZone, problems), problems, warnings);
    }

    private static TimeZoneInfo ResolveTimeZone(string? id, List<string> problems)
    {
        if (string.IsNullOrEmpty(id))
            return TimeZoneInfo.Local;
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            return zone;
        problems.Add($"SyncConfig:TimeZone '{id}' is not a time zone this host knows (for example 'Europe/Berlin' or 'UTC').");
        return TimeZoneInfo.Local;
    }
}
