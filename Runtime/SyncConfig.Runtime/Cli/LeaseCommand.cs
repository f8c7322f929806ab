using System.CommandLine;
using System.ComponentModel;
using System.Diagnostics;
using SyncConfig.Engine;
using SyncConfig.Engine.Leases;
using SyncConfig.Engine.Repository;
using SyncConfig.Rules;
using SyncConfig.Runtime.Configuration;

namespace SyncConfig.Runtime.Cli;

/// <summary>
/// <c>lease</c>: the backup-side wrapper. Holds the backup lease on a repository folder while a
/// backup command writes into it, so a sync never snapshots a half-written image: the command starts
/// only when the folder is open to backups (not while a sync has it closed).
/// </summary>
public static class LeaseCommand
{
    /// <summary>The shell's codes for a command that was not found, and for one that was found but could not run.</summary>
    public const int CommandNotFound = 127;
    public const int CommandNotRunnable = 126;

    public static Command Create(CliContext context)
    {
        var repository = new Argument<string>("repository") { Description = "A [SyncRepository] class name, or the repository's path." };
        var folder = new Argument<string>("folder") { Description = "The folder the backup writes: <computer>/<backup definition>." };
        var backup = new Argument<string[]>("command") { Description = "The backup command and its arguments, after --.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("lease", "Run a backup command while holding the backup lease on its repository folder; exits with the command's code.")
        {
            repository, folder, backup,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            string folderName;
            try
            {
                folderName = RepositoryPaths.Validate(parsed.GetValue(folder)!, "The lease folder");
            }
            catch (ArgumentException e)
            {
                context.Error.WriteLine(e.Message);
                return ExitCodes.UsageError;
            }

            var configuration = RuntimeConfiguration.Load(parsed.GetValue(SyncConfigCommandLine.ConfigOption), readSecrets: false);
            var (path, exitCode) = RepositoryPathOf(context, configuration, parsed.GetValue(repository)!);
            if (path is null)
                return exitCode;
            try
            {
                path = BackupRepository.OpenExisting(path).Root;
            }
            catch (SyncException e)
            {
                context.Error.WriteLine(e.Message);
                return ExitCodes.UnknownSync;
            }

            var arguments = parsed.GetValue(backup)!;
            BackupLease lease;
            try
            {
                lease = await BackupLeases.AcquireAsync(path, folderName, cancellationToken);
            }
            catch (SyncException e)
            {
                context.Error.WriteLine(e.Message);
                return ExitCodes.InvalidConfiguration;
            }
            await using var held = lease;
            var start = new ProcessStartInfo(arguments[0]) { UseShellExecute = false };
            foreach (var argument in arguments.Skip(1))
                start.ArgumentList.Add(argument);
            lease.ShareWithNextChildProcess();
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (Win32Exception e)
            {
                context.Error.WriteLine($"The backup command '{arguments[0]}' could not be started: {e.Message}.");
                return e.NativeErrorCode == 2 ? CommandNotFound : CommandNotRunnable;
            }
            using (process)
            {
                await process.WaitForExitAsync(CancellationToken.None);
                return process.ExitCode;
            }
        });
        return command;
    }

    private static (string? Path, int ExitCode) RepositoryPathOf(CliContext context, RuntimeConfiguration configuration, string text)
    {
        var registration = context.Catalog.Repositories.FirstOrDefault(r => string.Equals(r.Name, text, StringComparison.OrdinalIgnoreCase));
        if (registration is null)
        {
            if (Path.IsPathFullyQualified(text))
                return (text, ExitCodes.Ok);
            context.Error.WriteLine($"Unknown repository '{text}'. Defined repositories: {string.Join(", ", context.Catalog.Repositories.Select(r => r.Name))}; or give an absolute path.");
            return (null, ExitCodes.UnknownSync);
        }

        var unresolved = new List<string>();
        var path = PropertyReference.Resolve(registration.Path, configuration.Value, unresolved);
        if (path is null)
            context.Error.WriteLine($"{registration.Name}.Path: {string.Join(", ", unresolved.Select(n => "$(" + n + ")"))} has no value.");
        return (path, path is null ? ExitCodes.InvalidConfiguration : ExitCodes.Ok);
    }
}
