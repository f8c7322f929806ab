using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Configuration;
using SyncConfig.Runtime.Progress;
using SyncConfig.Runtime.Status;

namespace SyncConfig.Runtime.Demo;

/// <summary>
/// <c>demo</c>: generates a demo repository (once; it is seeded) and runs <c>sync DemoOffsite --now</c>
/// into a local folder beside it, with the demo's own state and status folders. Running it again
/// syncs nothing new unless <c>--add-incrementals</c> adds last night's backups first.
/// </summary>
public static class DemoCommand
{
    public const string SyncName = "DemoOffsite";
    public const string RepositoryVariable = "SYNCCONFIG_DEMO_REPOSITORY";
    public const string TargetVariable = "SYNCCONFIG_DEMO_TARGET";
    private const int Seed = 20261126;

    public static Command Create(CliContext context)
    {
        var folder = new Option<string>("--folder") { Description = "Where the demo repository, target and status go.", DefaultValueFactory = _ => ".demo" };
        var size = new Option<int>("--size-mb") { Description = "Upper bound of the generated backup images, in MiB (the seeded sizes fill about half).", DefaultValueFactory = _ => 300 };
        var incrementals = new Option<bool>("--add-incrementals") { Description = "Add a new incremental image to every backup definition before syncing." };
        var command = new Command("demo", $"Generate a demo repository and run 'sync {SyncName} --now' into a local folder.") { folder, size, incrementals };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var root = Path.GetFullPath(parsed.GetValue(folder)!);
            var repository = new DemoRepository(Path.Combine(root, "repository"), Seed, Math.Clamp(parsed.GetValue(size), 1, 1024));
            var target = Path.Combine(root, "offsite");
            var generated = Path.Combine(root, "repository.generated");
            Directory.CreateDirectory(target);
            if (!File.Exists(generated))
            {
                context.Out.WriteLine($"Generating the demo repository in {repository.Root} ...");
                var bytes = repository.Generate();
                File.WriteAllText(generated, DateTimeOffset.UtcNow.ToString("O"));
                context.Out.WriteLine($"Generated {ProgressText.Bytes(bytes)} of backup images.");
            }
            else if (parsed.GetValue(incrementals))
            {
                context.Out.WriteLine($"Added {ProgressText.Bytes(repository.AddIncrementals())} of new incremental images.");
            }

            // The demo's definition reads these.
            Environment.SetEnvironmentVariable(RepositoryVariable, repository.Root);
            Environment.SetEnvironmentVariable(TargetVariable, target);
            var configFile = parsed.GetValue(SyncConfigCommandLine.ConfigOption);
            if (configFile is null)
            {
                // A configuration of the demo's own, so status, verify and test find the same values and folders later.
                configFile = Path.Combine(root, RuntimeConfiguration.ConfigurationFileName);
                File.WriteAllText(configFile, new JsonObject
                {
                    ["SyncConfig"] = new JsonObject { ["StateFolder"] = "state", ["StatusFolder"] = "status" },
                    [RuntimeConfiguration.ValuesSection] = new JsonObject { [RepositoryVariable] = repository.Root, [TargetVariable] = target },
                }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                // A value already configured for the state and status folders is kept.
                Environment.SetEnvironmentVariable("SyncConfig__StateFolder",
                    Environment.GetEnvironmentVariable("SyncConfig__StateFolder") ?? Path.Combine(root, "state"));
                Environment.SetEnvironmentVariable("SyncConfig__StatusFolder",
                    Environment.GetEnvironmentVariable("SyncConfig__StatusFolder") ?? Path.Combine(root, "status"));
            }

            context.Out.WriteLine($"Syncing {repository.Root} to {target} ...");
            var exitCode = await SyncCommands.RunAttemptAsync(context, parsed, SyncName, AttemptTrigger.RunNow, cancellationToken, configFile);
            if (configFile.StartsWith(root, StringComparison.Ordinal))
            {
                context.Out.WriteLine($"Inspect the demo with: syncconfig status {SyncName} --config {configFile}");
                context.Out.WriteLine($"  (also verify {SyncName} and test {SyncName}; from the repository: dotnet run --project Runtime/SyncConfig.Runtime -c Release -- status {SyncName} --config {configFile})");
            }

            return exitCode;
        });
        return command;
    }
}
