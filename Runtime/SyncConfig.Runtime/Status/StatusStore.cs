using System.Diagnostics;
using SyncConfig.Runtime.Storage;

namespace SyncConfig.Runtime.Status;

/// <summary>
/// The status folder: per sync <c>&lt;sync&gt;.json</c> (last attempt, forecast), <c>&lt;sync&gt;.history.json</c>
/// (the last attempts, newest first, without file lists), <c>&lt;sync&gt;.progress.json</c> while a run is
/// active, and <c>index.html</c> for all syncs. Every file is replaced atomically.
/// </summary>
public sealed class StatusStore
{
    public const string PageFileName = "index.html";

    private readonly int _historyLength;

    public StatusStore(string folder, int historyLength)
    {
        Folder = folder;
        _historyLength = Math.Max(1, historyLength);
    }

    public string Folder { get; }
    public string PagePath => Path.Combine(Folder, PageFileName);

    public string ReportPath(string syncName) => Path.Combine(Folder, syncName + ".json");

    public string HistoryPath(string syncName) => Path.Combine(Folder, syncName + ".history.json");

    private string ProgressPath(string syncName) => Path.Combine(Folder, syncName + ".progress.json");

    public SyncStatusReport? ReadReport(string syncName) => JsonFiles.Read<SyncStatusReport>(ReportPath(syncName));

    public IReadOnlyList<AttemptReport> ReadHistory(string syncName) =>
        JsonFiles.Read<List<AttemptReport>>(HistoryPath(syncName)) ?? [];

    public void WriteReport(SyncStatusReport report) => JsonFiles.Write(ReportPath(report.Sync), report);

    public void AppendHistory(string syncName, AttemptReport attempt)
    {
        var history = new List<AttemptReport> { attempt.Summary() };
        history.AddRange(ReadHistory(syncName).Take(_historyLength - 1));
        JsonFiles.Write(HistoryPath(syncName), history);
    }

    public void WriteProgress(string syncName, ActiveProgress progress) => JsonFiles.Write(ProgressPath(syncName), progress);

    public void ClearProgress(string syncName) => File.Delete(ProgressPath(syncName));

    /// <summary>The active run's progress; a file left by a process that has since died is not an active run.</summary>
    public ActiveProgress? ReadProgress(string syncName) =>
        JsonFiles.Read<ActiveProgress>(ProgressPath(syncName)) is { } progress && IsAlive(progress.ProcessId) ? progress : null;

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
