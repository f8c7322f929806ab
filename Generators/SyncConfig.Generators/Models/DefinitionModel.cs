namespace SyncConfig.Generators.Models;

/// <summary>Where a partial class lives, so the emitter can reopen it (namespace and any containing types).</summary>
/// <param name="Namespace">Empty for the global namespace.</param>
/// <param name="ContainingTypes">Outermost first, each as its declaration header, e.g. <c>partial class Outer</c>.</param>
/// <param name="Name">The class name, which is also the sync's or repository's name.</param>
/// <param name="FullyQualifiedName">With <c>global::</c>, for references from other generated files.</param>
/// <param name="TakenNames">The class's own name and its members' names, which generated members must not repeat.</param>
internal sealed record ClassModel(
    string Namespace,
    EquatableArray<string> ContainingTypes,
    string Name,
    string FullyQualifiedName,
    EquatableArray<string> TakenNames);

/// <summary>A <c>[SyncRepository]</c> class.</summary>
internal sealed record RepositoryModel(ClassModel Class, string Path);

/// <summary>A daily window, already parsed into minutes after midnight.</summary>
internal sealed record WindowModel(int StartMinute, int EndMinute, int Days);

/// <summary>A sync definition: one class with one destination attribute.</summary>
internal sealed record DefinitionModel(
    ClassModel Class,
    string RepositoryFullyQualifiedName,
    string FolderName,
    string? CustomName,
    DestinationModel Destination,
    WindowModel? Window,
    bool AllowBackupsDuringSync,
    bool PerFolderUpload);
