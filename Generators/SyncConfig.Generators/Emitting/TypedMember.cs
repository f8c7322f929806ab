namespace SyncConfig.Generators.Emitting;

/// <summary>A static member the generator adds to a definition class, by name so it can yield to the user's own.</summary>
/// <remarks>
/// Constants and fields rather than properties: with hundreds of definitions, every generated
/// method is compile time (see scripts/bench-build.sh), and a constant costs none.
/// </remarks>
internal sealed record TypedMember(string Name, string Code)
{
    public static TypedMember Constant(string type, string name, string value) =>
        new TypedMember(name, "public const " + type + " " + name + " = " + value + ";");

    public static TypedMember List(string name, System.Collections.Generic.IEnumerable<string> items) =>
        new TypedMember(name, "public static readonly global::System.Collections.Generic.IReadOnlyList<string> " + name + " = " + SourceWriter.ReadOnlyList(items) + ";");
}
