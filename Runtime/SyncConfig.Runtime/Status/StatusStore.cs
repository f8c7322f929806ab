using System.Diagnostics;
using SyncConfig.Runtime.Storage;

namespace SyncConfig.Runtime.Status;

/// <summary>
/// The status folder: per sync <c>&lt;sync&gt;.json</c> (last attempt, forecast), <c>&lt;sync&gt;.history.json</c>
/// (the last attempts, newest first), <c>&lt;sync&gt;.files.json</c> (the last attempt's file lists, bounded),
/// <c>&lt;sync&gt;.progress.json</c> while a run is active, and <c>index.html</c> for all syncs. Only the file lists
/// grow with the repository, and nothing reads them. Every file is replaced atomically.
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

    public string FilesPath(string syncName) => Path.Combine(Folder, syncName + ".files.json");

    private string ProgressPath(string syncName) => Path.Combine(Folder, syncName + ".progress.json");

    public SyncStatusReport? ReadReport(string syncName) => JsonFiles.Read(ReportPath(syncName), JsonFiles.Types.SyncStatusReport);

    public IReadOnlyList<AttemptReport> ReadHistory(string syncName) =>
        JsonFiles.Read(HistoryPath(syncName), JsonFiles.Types.ListAttemptReport) ?? [];

    public void WriteReport(SyncStatusReport report) => JsonFiles.Write(ReportPath(report.Sync), report, JsonFiles.Types.SyncStatusReport);

    public void WriteFiles(AttemptFiles files) => JsonFiles.Write(FilesPath(files.Sync), files, JsonFiles.Types.AttemptFiles);

    public AttemptFiles? ReadFiles(string syncName) => JsonFiles.Read(FilesPath(syncName), JsonFiles.Types.AttemptFiles);

    public void AppendHistory(string syncName, AttemptReport attempt)
    {
        var history = new List<AttemptReport> { attempt };
        history.AddRange(ReadHistory(syncName).Take(_historyLength - 1));
        JsonFiles.Write(HistoryPath(syncName), history, JsonFiles.Types.ListAttemptReport);
    }

    public void WriteProgress(string syncName, ActiveProgress progress) => JsonFiles.Write(ProgressPath(syncName), progress, JsonFiles.Types.ActiveProgress);

    public void ClearProgress(string syncName) => File.Delete(ProgressPath(syncName));

    /// <summary>The active run's progress; a file left by a run that has since ended is not an active run.</summary>
    /// <param name="runLockHeld">Whether the sync's run lock is held now: the proof of a running sync. Where that cannot
    /// be told, a live process ID is taken instead (it may have been reused by another process since).</param>
    public ActiveProgress? ReadProgress(string syncName, bool? runLockHeld = null)
    {
        if (runLockHeld == false)
            return null;
        return JsonFiles.Read(ProgressPath(syncName), JsonFiles.Types.ActiveProgress) is { } progress && (runLockHeld == true || IsAlive(progress.ProcessId)) ? progress : null;
    }

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
