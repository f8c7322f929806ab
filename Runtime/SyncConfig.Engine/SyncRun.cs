using System.Collections.Concurrent;
using SyncConfig.Engine.Leases;
using SyncConfig.Engine.Protocol;
using SyncConfig.Engine.Repository;
using SyncConfig.Engine.Results;

namespace SyncConfig.Engine;

/// <summary>One attempt in progress: what becomes its <see cref="SyncResult"/>, its progress, and reopening computers.</summary>
internal sealed class SyncRun(SyncJob job, TimeProvider time, IProgress<SyncProgress>? progress, DateTimeOffset startedAt, TimeSpan streamingInterval)
    : ICycleObserver
{
    /// <summary>Guards the byte counts, so a file moving from streaming to uploaded is never counted twice or not at all.</summary>
    private readonly Lock _bytes = new();

    /// <summary>Files being streamed now: how many of their bytes are on the target so far (a resumed prefix included).</summary>
    private readonly Dictionary<string, long> _streaming = new(StringComparer.Ordinal);
    private long? _lastStreamingReport;
    private readonly ConcurrentQueue<string> _uploaded = new();
    private readonly List<string> _deleted = [];
    private IReadOnlyList<string> _unchanged = [];
    private readonly Dictionary<string, int> _foldersLeft = new(StringComparer.Ordinal);
    private BackupRepository? _repository;
    private string _folderName = "";
    private long _bytesUploaded;
    private long _bytesTotal;
    private int _filesTotal;
    private int _filesUploaded;

    /// <summary>Set when computers are to reopen as their data is up (allow backups during sync).</summary>
    public SyncGate? Gate { get; set; }

    public string? Recovery { get; set; }

    public IReadOnlyList<string> Skipped { get; set; } = [];

    /// <summary>The sync uploads again files of the committed state that the target lost or damaged.</summary>
    public void Repairing(int files)
    {
        var repair = $"Uploading again {files} committed files that are missing or damaged on the target.";
        Recovery = Recovery is null ? repair : Recovery + " " + repair;
    }

    /// <summary>Bytes of files whose upload has finished.</summary>
    public long BytesUploaded
    {
        get
        {
            lock (_bytes)
                return _bytesUploaded;
        }
    }

    /// <summary>Bytes on the target so far: finished files and the part of each file streaming now.</summary>
    private long BytesDone
    {
        get
        {
            lock (_bytes)
                return _bytesUploaded + _streaming.Values.Sum();
        }
    }

    public int FilesUploadedCount => Volatile.Read(ref _filesUploaded);

    public void Plan(SyncPlan plan, BackupRepository repository, string folderName)
    {
        _repository = repository;
        _folderName = folderName;
        _unchanged = plan.Unchanged;
        foreach (var folder in plan.Cycles.SelectMany(c => c.Folders))
        {
            _filesTotal += folder.Uploads.Count;
            _bytesTotal += folder.UploadBytes;
            _deleted.AddRange(folder.Deletions);
            if (folder.Uploads.Count > 0)
                _foldersLeft[folder.Computer] = _foldersLeft.GetValueOrDefault(folder.Computer) + 1;
        }
        if (Gate is not null)
        {
            // Computers with nothing to upload go first: their data is already up.
            Gate.ReopenAllExcept(_foldersLeft.Keys);
            Report("Reopened computers without changes");
        }
        Report("Uploading");
    }

    public DateTimeOffset Now() => time.GetUtcNow();

    public void FileUploaded(SnapshotFile file)
    {
        _uploaded.Enqueue(file.Path);
        lock (_bytes)
        {
            _streaming.Remove(file.Path);
            _bytesUploaded += file.Length;
        }
        Interlocked.Increment(ref _filesUploaded);
        Report("Uploading", file.Path);
    }

    /// <summary>
    /// <paramref name="bytesOnTarget"/> of <paramref name="file"/> are on the target while it streams; reported at most
    /// once per streaming interval, so a single large file moves the progress too.
    /// </summary>
    public void Streaming(SnapshotFile file, long bytesOnTarget)
    {
        lock (_bytes)
        {
            _streaming[file.Path] = bytesOnTarget;
            var now = time.GetTimestamp();
            if (_lastStreamingReport is { } last && time.GetElapsedTime(last, now) < streamingInterval)
                return;
            _lastStreamingReport = now;
        }
        Report("Uploading", file.Path);
    }

    public void FolderUploaded(string folder)
    {
        var computer = RepositoryPaths.ComputerOf(folder);
        if (Gate is null || !_foldersLeft.TryGetValue(computer, out var left))
            return;
        if (left > 1)
        {
            _foldersLeft[computer] = left - 1;
            return;
        }
        _foldersLeft.Remove(computer);
        Gate.Reopen(computer);
        Report("Reopened", computer);
    }

    public void Committed(Manifest manifest)
    {
        // Right after the commit, before moving files into place: the copy is keyed by the manifest's name, so
        // a crash in between only costs one read of the remote manifest next time.
        if (_repository is not null)
            new LocalState(_folderName, manifest).Save(_repository, job.Name);
        Report("Committed");
    }

    public void Report(string phase, string? currentFile = null) =>
        progress?.Report(new SyncProgress(phase, BytesDone, _bytesTotal, FilesUploadedCount, _filesTotal, currentFile));

    public SyncResult Finish(SyncOutcome outcome, int retries, string? error = null, SyncErrorKind? errorKind = null) => new()
    {
        SyncName = job.Name,
        Outcome = outcome,
        StartedAt = startedAt,
        EndedAt = time.GetUtcNow(),
        BytesUploaded = BytesUploaded,
        FilesUploaded = _uploaded.Order(StringComparer.Ordinal).ToList(),
        FilesDeleted = outcome == SyncOutcome.Succeeded ? _deleted.Order(StringComparer.Ordinal).ToList() : [],
        FilesUnchanged = _unchanged,
        Skipped = Skipped,
        Errors = error is null ? [] : [error],
        ErrorKind = errorKind,
        Retries = retries,
        Recovery = Recovery,
    };
}
