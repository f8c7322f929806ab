using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SyncConfig.Generators.Models;
using SyncConfig.Roslyn;
using SyncConfig.Rules;

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
            writer.Line("public static " + Catalog + "RepositoryRegistration " + RegistrationTarget.MemberName + " { get; } = new " + Catalog + "RepositoryRegistration("
                + SourceWriter.Literal(model.Class.Name) + ", " + SourceWriter.Literal(model.Path) + ");");
        }

        return writer.ToString();
    }

    public static string EmitDefinition(DefinitionModel model)
    {
        var destination = model.Destination;
        var kind = DestinationKinds.Named(destination.Kind);
        var attributeType = "global::" + kind.AttributeName;
        using var writer = new SourceWriter();
        using (writer.OpenClass(model.Class))
        {
            writer.Line("/// <summary>This sync as the runtime registers it (values as written; <c>$(NAME)</c> references are resolved at run time); <c>SyncConfig.Generated.SyncCatalog</c> lists it.</summary>");
            writer.Line("public static " + Catalog + "SyncRegistration " + RegistrationTarget.MemberName + " { get; } = new " + Catalog + "SyncRegistration(");
            Lines(writer, new[]
            {
                "name: " + SourceWriter.Literal(model.Class.Name),
                "customName: " + SourceWriter.Literal(model.CustomName),
                "repository: " + model.RepositoryFullyQualifiedName + "." + RegistrationTarget.MemberName,
                "folderName: " + SourceWriter.Literal(model.FolderName),
            }, ",");
            writer.Line("    destination: new " + Catalog + kind.Name + "Settings(");
            // Each row by its typed name in the kind's table: the compiler checks the value against the row's type.
            var table = "global::SyncConfig.Rules.DestinationKinds." + kind.Name + ".";
            Lines(writer, destination.Settings.Select(setting => table + setting.Name + ".Of(" + SettingCode(setting) + ")").ToList(), "),", extraIndent: "    ");
            Lines(writer, new[]
            {
                "window: " + WindowCode(model.Window),
                "allowBackupsDuringSync: " + SourceWriter.Literal(model.AllowBackupsDuringSync),
                "perFolderUpload: " + SourceWriter.Literal(model.PerFolderUpload),
            }, ");");

            writer.Line();
            // A name the class already uses (its own name, a member the user wrote) stays the user's.
            foreach (var member in WindowMembers(model.Window).Concat(destination.Parts.Select(PartMember)).Where(m => !model.Class.TakenNames.Contains(m.Name)))
            {
                writer.Line(member.Code);
            }

            if (destination.HasLiteralSecret)
            {
                writer.Line();
                writer.Line("// A literal secret stays in this class's attribute metadata; it is read from there, never copied into generated code.");
                writer.Line("private static " + attributeType + " " + SecretReader + "() =>");
                writer.Line("    (" + attributeType + ")typeof(" + model.Class.FullyQualifiedName + ").GetCustomAttributes(typeof(" + attributeType + "), false)[0];");
            }
        }

        return writer.ToString();
    }

    /// <summary>The expression for a setting's value: a literal, or for a literal secret a read of the attribute.</summary>
    private static string SettingCode(SettingModel setting) => setting.IsLiteralSecret
        ? SecretReader + "()." + setting.Name
        : setting.Value switch
        {
            string text => SourceWriter.Literal(text),
            bool flag => SourceWriter.Literal(flag),
            int number => number.ToString(CultureInfo.InvariantCulture),
            System.Enum choice => SourceWriter.Enum(choice),
            var other => throw new System.ArgumentOutOfRangeException(nameof(setting), other?.GetType().Name, "A setting of this type cannot be emitted."),
        };

    private static TypedMember PartMember(PartModel part) => part.Value switch
    {
        string text => TypedMember.Constant("string", part.Name, SourceWriter.Literal(text)),
        int number => TypedMember.Constant("int", part.Name, number.ToString(CultureInfo.InvariantCulture)),
        EquatableArray<string> items => TypedMember.List(part.Name, items),
        var other => throw new System.ArgumentOutOfRangeException(nameof(part), other.GetType().Name, "A part of this type cannot be emitted."),
    };

    private static IEnumerable<TypedMember> WindowMembers(WindowModel? model)
    {
        var window = model ?? new WindowModel(0, 24 * 60, (int)SyncDays.Every);
        yield return TypedMember.Constant("int", "WindowStartMinute", window.StartMinute.ToString(CultureInfo.InvariantCulture));
        yield return TypedMember.Constant("int", "WindowEndMinute", window.EndMinute.ToString(CultureInfo.InvariantCulture));
        yield return TypedMember.Constant("global::SyncConfig.SyncDays", "WindowDays", SourceWriter.Enum((SyncDays)window.Days));
    }

    private static string WindowCode(WindowModel? window) => window is null
        ? Catalog + "SyncWindowSpec.AllDay"
        : "new " + Catalog + "SyncWindowSpec(" + window.StartMinute.ToString(CultureInfo.InvariantCulture) + ", " + window.EndMinute.ToString(CultureInfo.InvariantCulture) + ", " + SourceWriter.Enum((SyncDays)window.Days) + ")";

    /// <summary>Arguments one a line; the last one ends with <paramref name="end"/>.</summary>
    private static void Lines(SourceWriter writer, IReadOnlyList<string> arguments, string end, string extraIndent = "")
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            writer.Line(extraIndent + "    " + arguments[i] + (i == arguments.Count - 1 ? end : ","));
        }
    }
}
