using SyncConfig.Runtime.Catalog;
using SyncConfig.Runtime.Cli;

return await SyncConfigCommandLine.RunProcessAsync(args, DefinitionsCatalog.Instance);
