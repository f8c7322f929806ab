namespace SyncConfig.Generators.Emitting
{
    /// <summary>A static member the generator adds to a definition class, by name so it can yield to the user's own.</summary>
    internal sealed record TypedMember(string Name, string Code);
}
