using Spectre.Console;
using SyncConfig.Engine;
using SyncConfig.Runtime.Catalog;
using SyncConfig.Runtime.Configuration;
using SyncConfig.Runtime.Execution;
using SyncConfig.Runtime.Status;

namespace SyncConfig.Runtime.Cli;

/// <summary>What every command works with: the catalog, the output streams, the clock.</summary>
public sealed class CliContext
{
    public CliContext(ISyncCatalog catalog, TextWriter output, TextWriter error, IAnsiConsole terminal, TimeProvider clock)
    {
        Catalog = catalog;
        Out = output;
        Error = error;
        Terminal = terminal;
        Clock = clock;
    }

    public ISyncCatalog Catalog { get; }

    /// <summary>Plain lines and JSON (no markup, no wrapping).</summary>
    public TextWriter Out { get; }

    /// <summary>Problems and errors.</summary>
    public TextWriter Error { get; }

    /// <summary>The same output as <see cref="Out"/>, for live progress when it is a terminal.</summary>
    public IAnsiConsole Terminal { get; }
    public TimeProvider Clock { get; }

    /// <summary>The transports in this build.</summary>
    public TransportRegistry Transports { get; } = TransportRegistry.InThisBuild;

    public StatusPublisher Publisher(RuntimeConfiguration configuration) =>
        new(new StatusStore(configuration.Settings.StatusFolder, configuration.Settings.HistoryLength), Catalog, configuration.TimeZone, Clock,
            configuration.Settings.StateFolder, sync => Transports.Unavailable(sync.Destination));

    public SyncRunner Runner(RuntimeConfiguration configuration) =>
        new(Engine(configuration.Settings), Transports, Publisher(configuration), configuration.Settings.StateFolder, Clock);

    public SyncEngine Engine(RuntimeSettings settings) => new(timeProvider: Clock, options: settings.EngineOptions());

    /// <summary>Prints every warning and problem, each with its definition; true when none is an error.</summary>
    public bool Report(StartupValidationResult validation)
    {
        foreach (var warning in validation.Warnings)
            Error.WriteLine("warning: " + warning);
        if (validation.IsValid)
            return true;
        Error.WriteLine($"The configuration has {validation.Problems.Count} problem(s):");
        foreach (var problem in validation.Problems)
            Error.WriteLine("  " + problem);
        if (validation.Problems.Any(p => p.IsUnresolvedReference))
            Error.WriteLine("Give each $(NAME) a value as an environment variable NAME, in the secrets file, or in the \"Values\" section of appsettings.json.");
        return false;
    }

    public int UnknownSync(string name)
    {
        var known = Catalog.Syncs.Count == 0 ? "none" : string.Join(", ", Catalog.Syncs.Select(s => s.Names()));
        Error.WriteLine($"Unknown sync '{name}'. Defined syncs: {known}.");
        return ExitCodes.UnknownSync;
    }
}
