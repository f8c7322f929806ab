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
    private readonly AssemblyLoadContext _context = new("generated-definitions", isCollectible: true);

    public LoadedCatalog(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.IsTrue(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        Assembly = _context.LoadFromStream(image);
        var catalog = Assembly.GetType("SyncConfig.Generated.SyncCatalog", throwOnError: true)!;
        Registrations = (IReadOnlyList<SyncRegistration>)catalog.GetProperty("Registrations")!.GetValue(null)!;
        Repositories = (IReadOnlyList<RepositoryRegistration>)catalog.GetProperty("Repositories")!.GetValue(null)!;
    }

    public Assembly Assembly { get; }
    public IReadOnlyList<SyncRegistration> Registrations { get; }
    public IReadOnlyList<RepositoryRegistration> Repositories { get; }

    public SyncRegistration Registration(string name) => Registrations.Single(r => r.Name == name);

    /// <summary>The value of a public static property, field or constant of a definition class.</summary>
    public object? Member(string typeName, string member)
    {
        var type = Assembly.GetType(typeName, throwOnError: true)!;
        if (type.GetProperty(member, BindingFlags.Public | BindingFlags.Static) is { } property)
        {
            return property.GetValue(null);
        }

        var field = type.GetField(member, BindingFlags.Public | BindingFlags.Static);
        Assert.IsNotNull(field, $"{typeName} has no member {member}");
        return field.GetValue(null);
    }

    public bool HasMember(string typeName, string member) =>
        Assembly.GetType(typeName, throwOnError: true)!.GetMember(member, BindingFlags.Public | BindingFlags.Static).Length > 0;

    public void Dispose() => _context.Unload();
}
