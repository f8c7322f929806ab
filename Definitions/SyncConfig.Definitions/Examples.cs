using SyncConfig;

namespace SyncConfig.Definitions;

[SyncRepository("$(SYNCCONFIG_DEMO_REPOSITORY)")]
public partial class DemoRepository;

[LocalPathSync("$(SYNCCONFIG_DEMO_TARGET)", Repository = typeof(DemoRepository), FolderName = "Demo")]
public partial class DemoOffsite;
