using System;
using System.Collections.Generic;
using System.Linq;
using SyncConfig.Generators.Models;

namespace SyncConfig.Generators.Emitting;

/// <summary>Emits <c>SyncConfig.Generated.SyncCatalog</c>: every registration, by name, with no reflection scanning.</summary>
internal static class CatalogEmitter
{
    public const string HintName = "SyncConfig.Generated.SyncCatalog.g.cs";
    public const string RegistrationMetadataName = "SyncConfig.Catalog.SyncRegistration";

    public static string Emit(EquatableArray<ClassModel> syncs, EquatableArray<ClassModel> repositories)
    {
        using var writer = new SourceWriter();
        writer.Open("namespace SyncConfig.Generated");
        writer.Line("/// <summary>Every sync and repository definition of this assembly, sorted by name.</summary>");
        writer.Open("public static class SyncCatalog");
        List(writer, "SyncRegistration", "Registrations", syncs);
        writer.Line();
        List(writer, "RepositoryRegistration", "Repositories", repositories);
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void List(SourceWriter writer, string type, string name, IEnumerable<ClassModel> classes)
    {
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<global::SyncConfig.Catalog." + type + "> " + name + " { get; } =");
        writer.Line("    global::System.Array.AsReadOnly(new global::SyncConfig.Catalog." + type + "[]");
        writer.Line("    {");
        // Ordinal order: the same definitions give the same text on every machine and culture.
        foreach (var model in classes.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.FullyQualifiedName, StringComparer.Ordinal))
        {
            writer.Line("        " + model.FullyQualifiedName + ".Registration,");
        }

        writer.Line("    });");
    }
}
