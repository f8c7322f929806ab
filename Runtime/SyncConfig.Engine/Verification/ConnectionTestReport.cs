namespace SyncConfig.Engine.Verification;

/// <summary>
/// One step of a connection test (reach, authenticate, parent path, writable, remote ID). A failed step says what
/// kind of failure it was, so a caller picks its exit code or hint from the kind, never from the message.
/// </summary>
public sealed record ConnectionTestStep(string Name, bool Passed, string Message, SyncErrorKind? ErrorKind = null)
{
    public static ConnectionTestStep Pass(string name, string message) => new(name, true, message);

    public static ConnectionTestStep Fail(string name, string message, SyncErrorKind kind) => new(name, false, message, kind);
}

public sealed record ConnectionTestReport(IReadOnlyList<ConnectionTestStep> Steps)
{
    public bool Passed => Steps.Count > 0 && Steps.All(s => s.Passed);
}
