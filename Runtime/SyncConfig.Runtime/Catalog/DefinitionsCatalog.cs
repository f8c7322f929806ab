namespace SyncConfig.Runtime.Catalog;

/// <summary>The team's definitions, as the source generator compiled them into SyncConfig.Definitions.</summary>
public static class DefinitionsCatalog
{
    public static ISyncCatalog Instance { get; } =
        new SyncCatalogList(SyncConfig.Generated.SyncCatalog.Registrations, SyncConfig.Generated.SyncCatalog.Repositories);
}
