namespace SyncConfig.Transports.Ftp.Client;

/// <summary>What went wrong, in the terms a caller decides on (retry, fix a setting, give up).</summary>
public enum FtpFailure
{
    /// <summary>The server (or one of its passive ports) could not be reached, or it turned the session away for now (421).</summary>
    Unreachable,

    /// <summary>An established connection broke or stopped answering.</summary>
    ConnectionLost,

    /// <summary>The server answered a command with a failure code; <see cref="FtpException.Reply"/> holds it.</summary>
    Refused,

    /// <summary>The user name or password was not accepted.</summary>
    LoginFailed,

    /// <summary>The server's certificate is not trusted or not the pinned one.</summary>
    Certificate,

    /// <summary>TLS could not be set up, or the server wants something of TLS this client cannot give.</summary>
    Tls,

    /// <summary>The server broke the protocol (a malformed or hostile reply).</summary>
    Protocol,
}

/// <summary>An FTP failure with a message a person can act on; never holds the password.</summary>
public sealed class FtpException(FtpFailure failure, string message, FtpReply? reply = null, Exception? inner = null)
    : Exception(message, inner)
{
    public FtpFailure Failure { get; } = failure;

    /// <summary>
    /// The failure came after a transfer had begun moving data. Before that (the server refused the STOR itself) the
    /// content was not read, so the caller can fix the cause (a missing folder) and send the same content again.
    /// </summary>
    public bool DuringTransfer { get; init; }

    /// <summary>The server's reply, when the failure is one.</summary>
    public FtpReply? Reply { get; } = reply;
}
