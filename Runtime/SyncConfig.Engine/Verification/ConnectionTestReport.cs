namespace SyncConfig.Engine.Verification;

/// <summary>One step of a connection test (reach, authenticate, parent path, writable, remote ID).</summary>
public sealed record ConnectionTestStep(string Name, bool Passed, string Message);

public sealed record ConnectionTestReport(IReadOnlyList<ConnectionTestStep> Steps)
{
    public bool Passed => Steps.Count > 0 && Steps.All(s => s.Passed);
}
