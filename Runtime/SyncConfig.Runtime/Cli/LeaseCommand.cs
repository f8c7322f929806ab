using System.CommandLine;
using System.Diagnostics;
using SyncConfig.Engine.Leases;
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
            var configuration = RuntimeConfiguration.Load(parsed.GetValue(SyncConfigCommandLine.ConfigOption));
            var repositoryText = parsed.GetValue(repository)!;
            var (path, exitCode) = RepositoryPathOf(context, configuration, repositoryText);
            if (path is null)
                return exitCode;

            var arguments = parsed.GetValue(backup)!;
            await using var lease = await BackupLeases.AcquireAsync(path, parsed.GetValue(folder)!, cancellationToken);
            var start = new ProcessStartInfo(arguments[0]) { UseShellExecute = false };
            foreach (var argument in arguments.Skip(1))
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync(CancellationToken.None);
            return process.ExitCode;
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
