using SyncConfig;

namespace SyncConfig.Definitions;

// The demo's pair: scripts/demo.sh sets both references to folders of its own.
[SyncRepository("$(SYNCCONFIG_DEMO_REPOSITORY)")]
public partial class DemoRepository;

[LocalPathSync("$(SYNCCONFIG_DEMO_TARGET)", Repository = typeof(DemoRepository), FolderName = "Demo")]
public partial class DemoOffsite;
