using SyncConfig.Engine.Results;
using SyncConfig.Runtime.Status;

namespace SyncConfig.Runtime.Tests.Infrastructure;

public static class Attempts
{
    public static AttemptReport Of(string sync, SyncOutcome outcome, DateTimeOffset startedAt, long bytes, params string[] errors) =>
        AttemptReport.From(Result(sync, outcome, startedAt, bytes, errors), AttemptTrigger.Window, DateOnly.FromDateTime(startedAt.UtcDateTime));

    public static SyncResult Result(string sync, SyncOutcome outcome, DateTimeOffset startedAt, long bytes, params string[] errors) =>
        new()
        {
            SyncName = sync,
            Outcome = outcome,
            StartedAt = startedAt,
            EndedAt = startedAt.AddMinutes(10),
            BytesUploaded = bytes,
            FilesUploaded = ["PC01/AAAA/AAAA-00-00.mrimg", "PC01/AAAA/AAAA-01-00.mrimg"],
            FilesDeleted = ["PC02/BBBB/BBBB-00-00.mrimg"],
            FilesUnchanged = ["PC03/CCCC/CCCC-00-00.mrimg", "PC03/CCCC/CCCC-01-00.mrimg", "PC03/CCCC/CCCC.xml"],
            Errors = errors,
            Retries = 2,
        };
}
