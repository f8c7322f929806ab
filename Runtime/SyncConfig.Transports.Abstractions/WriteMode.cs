namespace SyncConfig.Transports;

public enum WriteMode
{
    /// <summary>Create the file, or overwrite it from the start.</summary>
    Replace,

    /// <summary>Fail with <see cref="RemoteErrorKind.AlreadyExists"/> if the file exists (needs <see cref="TransportCapabilities.ExclusiveCreate"/>).</summary>
    CreateNew,

    /// <summary>Continue an interrupted write at the file's current length (needs <see cref="TransportCapabilities.ResumableWrites"/>).</summary>
    Append,
}
