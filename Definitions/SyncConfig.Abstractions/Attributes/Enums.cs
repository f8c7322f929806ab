using System;

namespace SyncConfig;

#if SYNCCONFIG_ABSTRACTIONS
public
#endif
enum FileTransferProtocol
{
    Ftp,
    Ftps,
    Sftp,
}

#if SYNCCONFIG_ABSTRACTIONS
public
#endif
enum S3Service
{
    Amazon,
    Wasabi,
    Backblaze,
    Custom,
}

[Flags]
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
enum SyncDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    Weekdays = Monday | Tuesday | Wednesday | Thursday | Friday,
    Weekends = Saturday | Sunday,
    Every = Weekdays | Weekends,
}
