using SyncConfig.Runtime.Storage;

namespace SyncConfig.Runtime.Scheduling;

/// <summary>The last window occurrence a sync attempted, and whether that attempt came to an end.</summary>
public sealed record WindowAttempt(DateOnly Day, bool Finished);

/// <summary>
/// Persists the last attempted window per sync in the state folder, so that a restart inside a
/// window whose sync has not run starts it, and one whose sync has run (or was abandoned) does not
/// run it again. An attempt that was interrupted (the process stopped mid-sync) has not finished and
/// is started again; the engine recovers the remote first.
/// </summary>
public sealed class WindowAttempts
{
    private readonly string _stateFolder;

    public WindowAttempts(string stateFolder) => _stateFolder = stateFolder;

    public WindowAttempt? Last(string syncName) => JsonFiles.Read(PathOf(syncName), JsonFiles.Types.WindowAttempt);

    public void Record(string syncName, WindowAttempt attempt) => JsonFiles.Write(PathOf(syncName), attempt, JsonFiles.Types.WindowAttempt);

    /// <summary>The occurrence to start now, or null when outside every window or this one is done.</summary>
    public WindowOccurrence? Due(string syncName, SyncWindowCalendar calendar, DateTimeOffset now)
    {
        if (calendar.Current(now) is not { } current)
            return null;
        return Last(syncName) is { Finished: true } last && last.Day == current.Day ? null : current;
    }

    private string PathOf(string syncName) => Path.Combine(_stateFolder, syncName + ".window.json");
}
