using SyncConfig;

namespace SyncConfig.Definitions;

// The end-to-end test's network share (Tests/SyncConfig.Runtime.Tests/Cli/SmbEndToEndTests.cs): the Samba smbd of
// scripts/servers on its fixed test port; the path and the login come from the test's environment.
[SyncRepository("$(SYNCTEST_SMB_REPOSITORY)")]
public partial class SmbTestRepository;

[NetworkShareSync("$(SYNCTEST_SMB_PATH)", Port = 4445,
    Repository = typeof(SmbTestRepository), FolderName = "SmbOffsite",
    UserName = "$(SYNCTEST_USER)", Password = "$(SYNCTEST_PASSWORD)")]
public partial class SmbTestOffsite;
