namespace SyncConfig.Transports;

public enum WriteMode
{
    /// <summary>Create the file, or overwrite it from the start.</summary>
    Replace,

    /// <summary>Fail with <see cref="RemoteErrorKind.AlreadyExists"/> if the file exists (needs <see cref="TransportCapabilities.ExclusiveCreate"/>).</summary>
    CreateNew,

    /// <summary>
    /// Continue an interrupted write at the offset <see cref="IRemoteTransport.VerifiedResumeOffsetAsync"/> just returned for
    /// this path (needs <see cref="TransportCapabilities.ResumableWrites"/>); the content is the rest of the file from there.
    /// That is the file's length, which that call cut back to.
    /// </summary>
    Append,
}
