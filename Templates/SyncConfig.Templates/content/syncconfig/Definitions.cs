using SyncConfig;

namespace ContosoSyncs;

// The backup repository to copy. "$(BACKUP_REPOSITORY)" is resolved when syncconfig starts: from an environment
// variable, the "Values" section of appsettings.json, or the secrets file.
[SyncRepository("$(BACKUP_REPOSITORY)")]
public partial class MainRepository;

// A copy into a folder on this machine (a USB disk, a mounted share), every night between 22:00 and 05:00.
[LocalPathSync("$(OFFSITE_FOLDER)", Repository = typeof(MainRepository), FolderName = "Server1")]
[SyncWindow("22:00", "05:00")]
public partial class LocalOffsite;
