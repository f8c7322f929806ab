using System.Collections.Generic;
using System.Text;

namespace SyncConfig.Rules;

/// <summary>
/// User name, domain and secret rules. A user name may carry its domain (<c>DOMAIN\User</c> or
/// <c>user@domain</c>); then the Domain setting must stay empty, as the seed's wizard disables it.
/// No message quotes a password or key.
/// </summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
static class CredentialRules
{
    /// <summary>
    /// Domain-given-twice and password-without-user. <paramref name="passwordSetting"/> names the secret
    /// that needs a user (Password; PrivateKeyFile for SFTP keys).
    /// </summary>
    public static IReadOnlyList<RuleViolation> CheckUser(string? userName, string? password, string? domain, string passwordSetting = Setting.Password)
    {
        var violations = new List<RuleViolation>();
        if (string.IsNullOrEmpty(userName) && !string.IsNullOrEmpty(password))
        {
            violations.Add(RuleCatalog.PasswordWithoutUserName.Violation(passwordSetting, null, passwordSetting, "backup"));
        }

        if (!string.IsNullOrEmpty(userName) && !string.IsNullOrEmpty(domain) && UserNameDomain(userName!) != null)
        {
            var bare = BareUserName(userName!);
            violations.Add(RuleCatalog.DomainGivenTwice.Violation(Setting.Domain, null, userName!, domain!, bare));
        }

        return violations;
    }

    /// <summary>The domain a user name carries (<c>ACME</c> of <c>ACME\bob</c> or <c>bob@acme.local</c>), or null.</summary>
    public static string? UserNameDomain(string userName)
    {
        var backslash = userName.IndexOf('\\');
        if (backslash > 0)
        {
            return userName.Substring(0, backslash);
        }

        var at = userName.LastIndexOf('@');
        return at > 0 && at < userName.Length - 1 ? userName.Substring(at + 1) : null;
    }

    /// <summary>A user name without its domain part.</summary>
    public static string BareUserName(string userName)
    {
        var backslash = userName.IndexOf('\\');
        if (backslash >= 0)
        {
            return userName.Substring(backslash + 1);
        }

        var at = userName.LastIndexOf('@');
        return at > 0 ? userName.Substring(0, at) : userName;
    }

    /// <summary>A password, passphrase or key written literally in a definition draws a warning (build time only).</summary>
    public static IReadOnlyList<RuleViolation> CheckSecret(string? value, string setting, string definitionName, DefinitionStage stage)
    {
        if (stage != DefinitionStage.AsWritten || string.IsNullOrEmpty(value) || PropertyReference.ContainsReference(value))
        {
            return new RuleViolation[0];
        }

        return new[] { RuleCatalog.LiteralSecret.Violation(setting, SuggestedReference(definitionName, setting), setting, SuggestedReference(definitionName, setting)) };
    }

    /// <summary><c>$(NAS_OFFSITE_PASSWORD)</c> for NasOffsite's Password.</summary>
    public static string SuggestedReference(string definitionName, string setting) =>
        "$(" + UpperSnake(definitionName) + "_" + UpperSnake(setting) + ")";

    private static string UpperSnake(string name)
    {
        var result = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!(HostName.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                continue;
            }

            if (i > 0 && char.IsUpper(c) && char.IsLower(name[i - 1]))
            {
                result.Append('_');
            }

            result.Append(char.ToUpperInvariant(c));
        }

        return result.Length == 0 ? "SYNC" : result.ToString();
    }
}
