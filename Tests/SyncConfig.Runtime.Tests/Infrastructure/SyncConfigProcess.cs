using System.Diagnostics;

namespace SyncConfig.Runtime.Tests.Infrastructure;

/// <summary>What one run of the built executable did.</summary>
public sealed record ProcessRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>
/// Runs the built <c>syncconfig</c> executable (copied beside the tests) in a work folder of its own,
/// with a configuration file that keeps its state and status folders there.
/// </summary>
public sealed class SyncConfigProcess : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly TempFolder _work = new("syncconfig-cli");

    public SyncConfigProcess()
    {
        ConfigFile = _work.Combine("appsettings.json");
        File.WriteAllText(ConfigFile, """{ "SyncConfig": { "StateFolder": "state", "StatusFolder": "status", "TimeZone": "UTC" } }""");
    }

    public string WorkFolder => _work.Path;
    public string ConfigFile { get; }
    public string StateFolder => _work.Combine("state");
    public string StatusFolder => _work.Combine("status");

    /// <summary>Environment variables for the runs; the demo's variables are unset unless given here.</summary>
    public Dictionary<string, string?> Environment { get; } = new()
    {
        ["SYNCCONFIG_DEMO_REPOSITORY"] = null,
        ["SYNCCONFIG_DEMO_TARGET"] = null,
    };

    public string Combine(params string[] parts) => _work.Combine(parts);

    /// <summary>
    /// Runs the executable as an unprivileged user (setpriv), so permissions apply as they do to a service account;
    /// the work folder is handed to that user. Root, which these tests run as, may write anywhere.
    /// </summary>
    public void RunAsUnprivilegedUser()
    {
        User = UnprivilegedUser;
        ChangeOwner(_work.Path, UnprivilegedUser, recursive: true);
    }

    public const int UnprivilegedUser = 65534;

    /// <summary>Who the runs are made as; null for this process's user.</summary>
    public int? User { get; private set; }

    public static void ChangeOwner(string path, int user, bool recursive = false)
    {
        using var chown = Process.Start("chown", recursive ? ["-R", $"{user}:{user}", path] : [$"{user}:{user}", path])!;
        chown.WaitForExit();
        Assert.AreEqual(0, chown.ExitCode, "chown failed");
    }

    public ProcessRun Run(params string[] arguments) => RunAsync(arguments).GetAwaiter().GetResult();

    public async Task<ProcessRun> RunAsync(string[] arguments, Action<Process>? whileRunning = null)
    {
        using var process = Process.Start(StartInfo(arguments, withConfig: true))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        whileRunning?.Invoke(process);
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new AssertFailedException($"syncconfig {string.Join(' ', arguments)} did not exit");
        }

        return new ProcessRun(process.ExitCode, await output, await error);
    }

    /// <summary>Starts the executable without waiting for it (for <c>run</c>).</summary>
    public Process Start(params string[] arguments) => Process.Start(StartInfo(arguments, withConfig: true))!;

    public ProcessStartInfo StartInfo(string[] arguments, bool withConfig)
    {
        var start = new ProcessStartInfo(User is null ? Program[0] : "setpriv")
        {
            WorkingDirectory = _work.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (User is { } user)
        {
            foreach (var argument in new[] { $"--reuid={user}", $"--regid={user}", "--clear-groups", Program[0] })
                start.ArgumentList.Add(argument);
            start.Environment["HOME"] = _work.Path;
        }
        foreach (var argument in Program.Skip(1))
            start.ArgumentList.Add(argument);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        if (withConfig && !arguments.Contains("--help"))
        {
            start.ArgumentList.Add("--config");
            start.ArgumentList.Add(ConfigFile);
        }

        foreach (var (name, value) in Environment)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }

        return start;
    }

    public void Dispose() => _work.Dispose();

    /// <summary>
    /// The program and its first arguments: the build output beside the tests through the .NET host, or the executable
    /// that <see cref="ExecutableVariable"/> names (a published one: Native AOT), which the same tests then run.
    /// </summary>
    private static readonly string[] Program =
        System.Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } executable
            ? [Path.GetFullPath(executable)]
            : [DotnetHost(), Path.Combine(AppContext.BaseDirectory, "syncconfig.dll")];

    public const string ExecutableVariable = "SYNCCONFIG_TEST_EXECUTABLE";

    private static string DotnetHost() =>
        System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
