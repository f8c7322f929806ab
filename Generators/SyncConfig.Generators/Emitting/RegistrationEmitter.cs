using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SyncConfig.Generators.Models;

namespace SyncConfig.Generators.Emitting;

/// <summary>Completes a repository or sync definition class with its registration and its typed, normalized destination.</summary>
internal static class RegistrationEmitter
{
    private const string Catalog = "global::SyncConfig.Catalog.";
    private const string SecretReader = "SyncConfigDestinationAttribute";

    /// <summary>
    /// Hint names compare without case, but C# names do not (<c>Alpha</c> and <c>alpha</c> may both be
    /// definitions), so a stable hash of the exact name keeps them apart.
    /// </summary>
    public static string HintName(ClassModel model)
    {
        var name = model.FullyQualifiedName.Replace("global::", string.Empty);
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return name + "." + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
    }

    public static string EmitRepository(RepositoryModel model)
    {
        using var writer = new SourceWriter();
        using (writer.OpenClass(model.Class))
        {
            writer.Line("/// <summary>This repository as the runtime registers it (the path as written; a <c>$(NAME)</c> reference is resolved at run time).</summary>");
            writer.Line("public static " + Catalog + "RepositoryRegistration Registration { get; } = new " + Catalog + "RepositoryRegistration("
                + SourceWriter.Literal(model.Class.Name) + ", " + SourceWriter.Literal(model.Path) + ");");
        }

        return writer.ToString();
    }

    public static string EmitDefinition(DefinitionModel model)
    {
        var destination = DestinationCode.For(model.Destination);
        using var writer = new SourceWriter();
        using (writer.OpenClass(model.Class))
        {
            writer.Line("/// <summary>This sync as the runtime registers it (values as written; <c>$(NAME)</c> references are resolved at run time); <c>SyncConfig.Generated.SyncCatalog</c> lists it.</summary>");
            writer.Line("public static " + Catalog + "SyncRegistration Registration { get; } = new " + Catalog + "SyncRegistration(");
            Arguments(writer, new[]
            {
                ("name", SourceWriter.Literal(model.Class.Name)),
                ("customName", SourceWriter.Literal(model.CustomName)),
                ("repository", model.RepositoryFullyQualifiedName + ".Registration"),
                ("folderName", SourceWriter.Literal(model.FolderName)),
            }, ",");
            writer.Line("    destination: new " + Catalog + destination.SettingsType + "(");
            Arguments(writer, destination.Arguments, "),", extraIndent: "    ");
            Arguments(writer, new[]
            {
                ("window", WindowCode(model.Window)),
                ("allowBackupsDuringSync", SourceWriter.Literal(model.AllowBackupsDuringSync)),
                ("perFolderUpload", SourceWriter.Literal(model.PerFolderUpload)),
            }, ");");

            writer.Line();
            // A name the class already uses (its own name, a member the user wrote) stays the user's.
            foreach (var member in WindowMembers(model.Window).Concat(destination.TypedMembers).Where(m => !model.Class.TakenNames.Contains(m.Name)))
            {
                writer.Line(member.Code);
            }

            if (destination.HasLiteralSecret)
            {
                writer.Line();
                writer.Line("// A literal secret stays in this class's attribute metadata; it is read from there, never copied into generated code.");
                writer.Line("private static global::SyncConfig." + destination.AttributeType + " " + SecretReader + "() =>");
                writer.Line("    (global::SyncConfig." + destination.AttributeType + ")typeof(" + model.Class.FullyQualifiedName
                    + ").GetCustomAttributes(typeof(global::SyncConfig." + destination.AttributeType + "), false)[0];");
            }
        }

        return writer.ToString();
    }

    /// <summary>The expression for a password or key: its reference as text, or a read of the literal from the attribute.</summary>
    public static string SecretCode(SecretModel secret, string property, bool required) => secret.Kind switch
    {
        SecretKind.Reference => SourceWriter.Literal(secret.Reference),
        SecretKind.Literal => SecretReader + "()." + property + (required ? "!" : string.Empty),
        _ => "null",
    };

    private static IEnumerable<TypedMember> WindowMembers(WindowModel? model)
    {
        var window = model ?? new WindowModel(0, 24 * 60, (int)SyncDays.Every);
        yield return TypedMember.Constant("int", "WindowStartMinute", window.StartMinute.ToString(CultureInfo.InvariantCulture));
        yield return TypedMember.Constant("int", "WindowEndMinute", window.EndMinute.ToString(CultureInfo.InvariantCulture));
        yield return TypedMember.Constant("global::SyncConfig.SyncDays", "WindowDays", SourceWriter.Enum<SyncDays>(window.Days));
    }

    private static string WindowCode(WindowModel? window) => window is null
        ? Catalog + "SyncWindowSpec.AllDay"
        : "new " + Catalog + "SyncWindowSpec(" + window.StartMinute.ToString(CultureInfo.InvariantCulture) + ", " + window.EndMinute.ToString(CultureInfo.InvariantCulture) + ", " + SourceWriter.Enum<SyncDays>(window.Days) + ")";

    /// <summary>Named arguments one a line; the last one ends with <paramref name="end"/>.</summary>
    private static void Arguments(SourceWriter writer, IReadOnlyList<(string Name, string Value)> arguments, string end, string extraIndent = "")
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            writer.Line(extraIndent + "    " + arguments[i].Name + ": " + arguments[i].Value + (i == arguments.Count - 1 ? end : ","));
        }
    }
}
