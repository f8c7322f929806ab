using System.CommandLine;
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
        var context = new CliContext(catalog, Console.Out, Console.Error, AnsiConsole.Console, TimeProvider.System);
        return await InvokeAsync(context, args, stopping.Token);
    }

    public static async Task<int> InvokeAsync(CliContext context, string[] args, CancellationToken cancellationToken)
    {
        var parsed = Build(context).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                context.Error.WriteLine(error.Message);
            context.Error.WriteLine("Run 'syncconfig --help' for the commands and their options.");
            return ExitCodes.UsageError;
        }

        var invocation = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            // Cancellation comes from RunProcessAsync's signal handlers; a sync needs more than a fixed grace time to stop safely.
            ProcessTerminationTimeout = null,
        };
        return await parsed.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>The sync named by <paramref name="name"/>, resolved and validated; or the exit code that explains why not.</summary>
    public static (ResolvedSync? Sync, RuntimeConfiguration? Configuration, int ExitCode) ResolveOne(CliContext context, ParseResult parsed, string name)
    {
        if (context.Catalog.Find(name) is not { } registration)
            return (null, null, context.UnknownSync(name));
        var configuration = RuntimeConfiguration.Load(parsed.GetValue(ConfigOption));
        var validation = StartupValidation.Validate(configuration, [registration]);
        if (!context.Report(validation))
            return (null, configuration, ExitCodes.InvalidConfiguration);
        return (validation.Syncs[0], configuration, ExitCodes.Ok);
    }
}
