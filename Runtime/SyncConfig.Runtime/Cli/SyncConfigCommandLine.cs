using System.CommandLine;
using System.CommandLine.Help;
using System.Runtime.InteropServices;
using Spectre.Console;
using SyncConfig.Runtime.Catalog;
using SyncConfig.Runtime.Configuration;
using SyncConfig.Runtime.Demo;

namespace SyncConfig.Runtime.Cli;

/// <summary>The <c>syncconfig</c> command line: parses, maps parse errors to the usage exit code, runs the command.</summary>
public static class SyncConfigCommandLine
{
    public static readonly Option<string?> ConfigOption = new("--config", "-c")
    {
        Description = "A JSON configuration file (read after the appsettings.json beside the executable).",
        Recursive = true,
    };

    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("SyncConfig keeps an offsite copy of backup repositories and never leaves it unrecoverable.")
        {
            ConfigOption,
            RunCommand.Create(context),
            StatusCommands.List(context),
            SyncCommands.Sync(context),
            StatusCommands.Status(context),
            SyncCommands.Test(context),
            SyncCommands.Reinitialize(context),
            SyncCommands.Verify(context),
            SyncCommands.Recover(context),
            LeaseCommand.Create(context),
            DemoCommand.Create(context),
        };
        return root;
    }

    /// <summary>The process entry: the real console, Ctrl+C and SIGTERM as cancellation.</summary>
    public static async Task<int> RunProcessAsync(string[] args, ISyncCatalog catalog)
    {
        using var stopping = new CancellationTokenSource();
        void Stop(PosixSignalContext signal)
        {
            // Keep the process alive: the command stops at a safe point and returns its own exit code.
            signal.Cancel = true;
            stopping.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var context = new CliContext(catalog, new EscapingWriter(Console.Out), new EscapingWriter(Console.Error), AnsiConsole.Console, TimeProvider.System);
        return await InvokeAsync(context, args, stopping.Token);
    }

    public static async Task<int> InvokeAsync(CliContext context, string[] args, CancellationToken cancellationToken)
    {
        var root = Build(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            if (parsed.CommandResult.Command == root && parsed.UnmatchedTokens.Count > 0)
            {
                // One message for a mistyped command, not also "Required command was not provided".
                var commands = string.Join(", ", root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
                var token = parsed.UnmatchedTokens[0];
                context.Error.WriteLine(token.StartsWith('-')
                    ? $"Unknown option '{token}'. The commands are: {commands}."
                    : $"Unknown command '{token}'. The commands are: {commands}.");
            }
            else
            {
                foreach (var error in parsed.Errors)
                    context.Error.WriteLine(error.Message);
            }

            context.Error.WriteLine("Run 'syncconfig --help' for the commands and their options.");
            return ExitCodes.UsageError;
        }

        // The root's command list shows an argument as <name> even when it may be left out, as status's may.
        var rootHelp = parsed.Action is HelpAction && parsed.CommandResult.Command == root ? new StringWriter() : null;
        var invocation = new InvocationConfiguration
        {
            Output = rootHelp ?? context.Out,
            Error = context.Error,
            // Cancellation comes from RunProcessAsync's signal handlers; a sync needs more than a fixed grace time to stop safely.
            ProcessTerminationTimeout = null,
        };
        var exitCode = await parsed.InvokeAsync(invocation, cancellationToken);
        if (rootHelp is not null)
        {
            // Same width, so the descriptions stay in their column.
            var text = rootHelp.ToString().Replace("  status <name>  ", "  status [<name>]", StringComparison.Ordinal);
            foreach (var line in text.Split('\n'))
                context.Out.WriteLine(line.TrimEnd('\r'));
        }

        return exitCode;
    }

    /// <summary>The sync named by <paramref name="name"/>, resolved and validated; or the exit code that explains why not.</summary>
    /// <param name="writesFolders">The command runs the sync and so writes the state and status folders.</param>
    public static (ResolvedSync? Sync, RuntimeConfiguration? Configuration, int ExitCode) ResolveOne(
        CliContext context, ParseResult parsed, string name, bool writesFolders = false, string? configFile = null)
    {
        if (context.Catalog.Find(name) is not { } registration)
            return (null, null, context.UnknownSync(name));
        // Before its values: a sync this build cannot run is not worth configuring (and its paths may be another system's).
        if (context.Transports.Unavailable(registration.Destination) is { } unavailable)
        {
            context.Error.WriteLine($"{registration.Name}: {unavailable}");
            return (null, null, ExitCodes.TransportNotAvailable);
        }

        var configuration = RuntimeConfiguration.Load(configFile ?? parsed.GetValue(ConfigOption));
        var validation = StartupValidation.Validate(configuration, [registration], writesFolders);
        if (!context.Report(validation))
            return (null, configuration, ExitCodes.InvalidConfiguration);
        return (validation.Syncs[0], configuration, ExitCodes.Ok);
    }
}
