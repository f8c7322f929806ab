using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using SyncConfig.Catalog;

namespace SyncConfig.Generators.Tests.Infrastructure;

/// <summary>
/// The generated assembly emitted and loaded into a collectible context. SyncConfig.Abstractions
/// falls through to the default context, so the catalog's objects are this test's own types.
/// </summary>
internal sealed class LoadedCatalog : IDisposable
{
    private readonly AssemblyLoadContext context = new("generated-definitions", isCollectible: true);

    public LoadedCatalog(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.IsTrue(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        Assembly = context.LoadFromStream(image);
        var catalog = Assembly.GetType("SyncConfig.Generated.SyncCatalog", throwOnError: true)!;
        Registrations = (IReadOnlyList<SyncRegistration>)catalog.GetProperty("Registrations")!.GetValue(null)!;
        Repositories = (IReadOnlyList<RepositoryRegistration>)catalog.GetProperty("Repositories")!.GetValue(null)!;
    }

    public Assembly Assembly { get; }
    public IReadOnlyList<SyncRegistration> Registrations { get; }
    public IReadOnlyList<RepositoryRegistration> Repositories { get; }

    public SyncRegistration Registration(string name) => Registrations.Single(r => r.Name == name);

    /// <summary>A static member the generator added to a definition class, or null when it added none of that name.</summary>
    public object? Member(string typeName, string member) =>
        Assembly.GetType(typeName, throwOnError: true)!.GetProperty(member, BindingFlags.Public | BindingFlags.Static)?.GetValue(null);

    public bool HasMember(string typeName, string member) =>
        Assembly.GetType(typeName, throwOnError: true)!.GetProperty(member, BindingFlags.Public | BindingFlags.Static) is not null;

    public void Dispose() => context.Unload();
}
