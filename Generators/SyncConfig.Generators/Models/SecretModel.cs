namespace SyncConfig.Generators.Models;

internal enum SecretKind
{
    Absent,

    /// <summary>The whole value is one <c>$(NAME)</c> reference: not a secret, emitted as text.</summary>
    Reference,

    /// <summary>A literal: its value never enters the model, so it cannot reach generated code.</summary>
    Literal,
}

/// <summary>A password, passphrase or key as the model keeps it.</summary>
internal readonly record struct SecretModel(SecretKind Kind, string? Reference)
{
    public static SecretModel Absent => new SecretModel(SecretKind.Absent, null);
}
