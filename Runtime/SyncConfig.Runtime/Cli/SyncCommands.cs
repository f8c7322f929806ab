using System.CommandLine;
using System.Globalization;
using SyncConfig.Engine;
using SyncConfig.Engine.Results;
using SyncConfig.Runtime.Configuration;
using SyncConfig.Runtime.Execution;
using SyncConfig.Runtime.Progress;
using SyncConfig.Runtime.Status;
using SyncConfig.Transports;

namespace SyncConfig.Runtime.Cli;

/// <summary>The commands that act on one sync's remote: <c>sync</c>, <c>reinitialize</c>, <c>test</c>, <c>verify</c>.</summary>
public static class SyncCommands
{
    public static Command Sync(CliContext context)
    {
        var name = NameArgument();
        var now = new Option<bool>("--now") { Description = "Run now (Run Now): wait for running backups, keep new ones out until the sync completes." };
        var command = new Command("sync", "Run a sync now, outside its window.") { name, now };
        command.SetAction((parsed, cancellationToken) =>
        {
            if (!parsed.GetValue(now))
            {
                context.Error.WriteLine("Add --now to run the sync now; syncs run in their windows under 'syncconfig run'.");
                return Task.FromResult(ExitCodes.UsageError);
            }

            return RunAttemptAsync(context, parsed, parsed.GetValue(name)!, AttemptTrigger.RunNow, cancellationToken);
        });
        return command;
    }

    public static Command Reinitialize(CliContext context)
    {
        var name = NameArgument();
        var command = new Command("reinitialize",
            "Take over a remote folder whose ID names another repository, then sync (files already there with matching size and hash are kept).") { name };
        command.SetAction((parsed, cancellationToken) =>
            RunAttemptAsync(context, parsed, parsed.GetValue(name)!, AttemptTrigger.Reinitialize, cancellationToken));
        return command;
    }

    public static Command Test(CliContext context)
    {
        var name = NameArgument();
        var command = new Command("test",
            "Test the connection: reach the server, authenticate, check the parent path exists and is writable, check the remote ID.") { name };
        command.SetAction((parsed, cancellationToken) => WithTransportAsync(context, parsed, parsed.GetValue(name)!, async (sync, engine, scrubber) =>
        {
            await using var transport = context.Transports.Create(sync.Destination);
            var report = await engine.TestConnectionAsync(Job(sync), transport, cancellationToken);
            foreach (var step in report.Steps)
                context.Out.WriteLine($"  [{(step.Passed ? "ok" : "FAILED")}] {step.Name}: {scrubber.Scrub(step.Message)}");
            if (report.Passed)
            {
                context.Out.WriteLine($"{sync.Name}: connection test passed.");
                return ExitCodes.Ok;
            }

            context.Error.WriteLine($"{sync.Name}: connection test failed.");
            return report.Steps.Any(s => s.ErrorKind == SyncErrorKind.RemoteIdMismatch)
                ? ExitCodes.RemoteIdMismatch
                : ExitCodes.ConnectionTestFailed;
        }, ExitCodes.ConnectionTestFailed));
        return command;
    }

    public static Command Verify(CliContext context)
    {
        var name = NameArgument();
        var repair = new Option<bool>("--repair") { Description = "Upload again, in a normal commit, every file that is missing or differs in size or hash (needs the repository)." };
        var command = new Command("verify", "Check the remote against its committed manifest: every file present with its size and hash.") { name, repair };
        command.SetAction((parsed, cancellationToken) => WithTransportAsync(context, parsed, parsed.GetValue(name)!, async (sync, engine, scrubber) =>
        {
            await using var transport = context.Transports.Create(sync.Destination);
            var report = await engine.VerifyAsync(Job(sync), transport, parsed.GetValue(repair), progress: null, cancellationToken);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{sync.Name}: manifest generation {report.ManifestGeneration}, {report.FilesChecked} files checked."));
            // Paths are the repository's own names and are printed as they are; only messages can carry a secret.
            foreach (var (label, paths) in new[]
            {
                ("missing", report.Missing), ("not in the manifest", report.Extra),
                ("size differs", report.SizeMismatches), ("hash differs", report.HashMismatches),
            })
            {
                foreach (var path in paths)
                    context.Out.WriteLine($"  {label}: {path}");
            }
            foreach (var error in report.Errors)
                context.Out.WriteLine($"  error: {scrubber.Scrub(error)}");

            if (report.Repair is { } repaired)
            {
                WriteSummary(context.Out, repaired);
                foreach (var error in repaired.Errors)
                    context.Error.WriteLine($"{sync.Name}: {scrubber.Scrub(error)}");
                return repaired.Outcome == SyncOutcome.Succeeded ? ExitCodes.Ok : ExitCodes.VerifyFailed;
            }

            if (report.IsIntact)
            {
                context.Out.WriteLine($"{sync.Name}: the remote matches its committed manifest.");
                return ExitCodes.Ok;
            }

            context.Error.WriteLine($"{sync.Name}: the remote differs from its committed manifest. The next sync uploads missing and resized files again; " +
                $"'syncconfig verify {sync.Name} --repair' also replaces files whose content differs.");
            return ExitCodes.VerifyFailed;
        }, ExitCodes.VerifyFailed));
        return command;
    }

    public static Command Recover(CliContext context)
    {
        var name = NameArgument();
        var command = new Command("recover",
            "Settle an interrupted sync from the remote alone (roll it back, or forward past a written commit); no repository needed.") { name };
        command.SetAction((parsed, cancellationToken) => WithTransportAsync(context, parsed, parsed.GetValue(name)!, async (sync, engine, scrubber) =>
        {
            await using var transport = context.Transports.Create(sync.Destination);
            var done = await engine.RecoverAsync(Job(sync), transport, cancellationToken);
            context.Out.WriteLine($"{sync.Name}: {scrubber.Scrub(done ?? "nothing was interrupted; the remote holds its last commit.")}");
            return ExitCodes.Ok;
        }, ExitCodes.SyncFailed));
        return command;
    }

    /// <summary>The exit code a finished attempt maps to.</summary>
    public static int ExitCodeOf(RunOutcome outcome, bool interrupted) => outcome switch
    {
        { WasBusy: true } or { Result.ErrorKind: SyncErrorKind.RemoteLocked } => ExitCodes.SyncBusy,
        { Result.Outcome: SyncOutcome.Succeeded } => ExitCodes.Ok,
        { RemoteIdMismatch: true } => ExitCodes.RemoteIdMismatch,
        _ when interrupted => ExitCodes.Interrupted,
        _ => ExitCodes.SyncFailed,
    };

    private static Argument<string> NameArgument() => new("name") { Description = "The sync's class name or its custom name, ignoring case (see 'syncconfig list')." };

    private static SyncJob Job(ResolvedSync sync) => new(sync.Name, sync.RepositoryPath, sync.FolderName)
    {
        PerFolderUpload = sync.Registration.PerFolderUpload,
        AllowBackupsDuringSync = sync.Registration.AllowBackupsDuringSync,
    };

    /// <param name="configFile">The configuration file to read instead of <c>--config</c> (the demo's own).</param>
    public static async Task<int> RunAttemptAsync(
        CliContext context, ParseResult parsed, string name, AttemptTrigger trigger, CancellationToken cancellationToken, string? configFile = null)
    {
        var (sync, configuration, exitCode) = SyncConfigCommandLine.ResolveOne(context, parsed, name, writesFolders: true, configFile);
        if (sync is null || configuration is null)
            return exitCode;
        if (context.Transports.Unavailable(sync.Destination) is { } unavailable)
        {
            context.Error.WriteLine($"{sync.Name}: {unavailable}");
            return ExitCodes.TransportNotAvailable;
        }

        var runner = context.Runner(configuration);
        var outcome = await ProgressDisplay.RunAsync(context.Terminal, context.Out, sync.Name, configuration.Settings.ProgressLogInterval, context.Clock,
            progress => runner.RunAsync(sync, trigger, window: null, progress, cancellationToken));
        if (outcome.Result is not { } result)
        {
            context.Error.WriteLine($"{sync.Name}: {outcome.BusyWith}; try again when it has finished.");
            return ExitCodes.SyncBusy;
        }

        WriteSummary(context.Out, result);
        if (outcome.StatusProblem is { } statusProblem)
            context.Error.WriteLine($"{sync.Name}: warning: {statusProblem}");
        foreach (var skipped in result.Skipped)
            context.Error.WriteLine($"{sync.Name}: skipped: {skipped}");
        foreach (var error in result.Errors)
            context.Error.WriteLine($"{sync.Name}: {error}");
        if (outcome.RemoteIdMismatch)
            context.Error.WriteLine($"If the remote folder's old data is not needed, take it over with: syncconfig reinitialize {sync.Name}");
        context.Out.WriteLine("Status page: " + new StatusStore(configuration.Settings.StatusFolder, 1).PagePath);
        return ExitCodeOf(outcome, cancellationToken.IsCancellationRequested);
    }

    private static void WriteSummary(TextWriter output, SyncResult result)
    {
        if (result.Outcome == SyncOutcome.Succeeded && result.FilesUploaded.Count == 0 && result.FilesDeleted.Count == 0)
        {
            // Nothing moved: bytes, rates and "0 of 0 files" would only make a person look for what went wrong.
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.SyncName}: Nothing to upload; {result.FilesUnchanged.Count} files unchanged (checked in {result.Duration.TotalSeconds:0.0} s)."));
            if (result.Recovery is not null)
                output.WriteLine($"{result.SyncName}: recovery: {result.Recovery}");
            return;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.SyncName}: {result.Outcome} in {result.Duration.TotalSeconds:0.0} s; {ProgressText.Bytes(result.BytesUploaded)} uploaded " +
            $"({ProgressText.Bytes((long)result.Throughput)}/s); files: {result.FilesUploaded.Count} uploaded, {result.FilesDeleted.Count} deleted, " +
            $"{result.FilesUnchanged.Count} unchanged; {result.Retries} retries."));
        if (result.Recovery is not null)
            output.WriteLine($"{result.SyncName}: recovery: {result.Recovery}");
    }

    /// <summary>Resolves the sync, checks its transport exists, and maps a failure the engine throws to <paramref name="failureCode"/>.</summary>
    private static async Task<int> WithTransportAsync(
        CliContext context, ParseResult parsed, string name, Func<ResolvedSync, SyncEngine, SecretScrubber, Task<int>> action, int failureCode)
    {
        var (sync, configuration, exitCode) = SyncConfigCommandLine.ResolveOne(context, parsed, name);
        if (sync is null || configuration is null)
            return exitCode;
        if (context.Transports.Unavailable(sync.Destination) is { } unavailable)
        {
            context.Error.WriteLine($"{sync.Name}: {unavailable}");
            return ExitCodes.TransportNotAvailable;
        }

        var scrubber = new SecretScrubber(sync.SecretValues);
        try
        {
            return await action(sync, context.Engine(configuration.Settings), scrubber);
        }
        catch (SyncException e)
        {
            context.Error.WriteLine($"{sync.Name}: {scrubber.Scrub(e.Message)}");
            return e.Kind switch
            {
                SyncErrorKind.RemoteIdMismatch => ExitCodes.RemoteIdMismatch,
                SyncErrorKind.RemoteLocked => ExitCodes.SyncBusy,
                _ => failureCode,
            };
        }
        catch (RemoteException e)
        {
            context.Error.WriteLine($"{sync.Name}: {scrubber.Scrub(e.Message)}");
            return failureCode;
        }
    }
}
