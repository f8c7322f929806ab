using SyncConfig.Analyzers.Tests.Infrastructure;
using SyncConfig.Rules;

namespace SyncConfig.Analyzers.Tests.Rules;

[TestClass]
public sealed class ReferenceAndCredentialRulesTests
{
    [TestMethod]
    [DataRow("$(1ABC)", "$(1ABC)", "$(_1ABC)")]
    [DataRow("$(NAS_PASSWORD", "$(NAS_PASSWORD", "$(NAS_PASSWORD)")]
    [DataRow("${NAS_PASSWORD}", "${NAS_PASSWORD}", "$(NAS_PASSWORD)")]
    [DataRow("$()", "$()", "$(NAME)")]
    [DataRow("$(NAS-PASSWORD)", "$(NAS-PASSWORD)", "$(NAS_PASSWORD)")]
    [DataRow(@"\\nas01\$(SHARE\x", "$(SHARE\\x", "$(SHARE_x)")]
    public void MalformedReferencesAreErrors(string text, string written, string corrected)
    {
        var violation = Violations.Single(PropertyReference.Check(text, Setting.Password), "SYNC0028", RuleSeverity.Error, Setting.Password);
        Assert.AreEqual("'" + written + "' in Password is not a valid reference; write '" + corrected + "' (NAME is letters, digits and '_', not starting with a digit)", violation.Message);
    }

    [TestMethod]
    public void FindsAndResolvesGeneratedReferences()
    {
        foreach (var (first, second) in Fakes.Many(11, f => (f.Random.String2(1, "ABCXYZ_abc") + f.Random.AlphaNumeric(8), "_" + f.Random.AlphaNumeric(5))))
        {
            var text = "/srv/$(" + first + ")/x/$(" + second + ")";
            Violations.None(PropertyReference.Check(text, Setting.Path), text);
            CollectionAssert.AreEqual(new[] { first, second }, PropertyReference.FindAll(text).Select(r => r.Name).ToArray());
            Assert.AreEqual("/srv/1/x/2", PropertyReference.Resolve(text, name => name == first ? "1" : "2"));
        }
    }

    [TestMethod]
    public void ResolveReportsUnknownNames()
    {
        var unresolved = new List<string>();
        Assert.IsNull(PropertyReference.Resolve("$(KNOWN)/$(UNKNOWN)", name => name == "KNOWN" ? "k" : null, unresolved));
        CollectionAssert.AreEqual(new[] { "UNKNOWN" }, unresolved);
    }

    [TestMethod]
    [DataRow(@"ACME\svc-backup", "ACME", "svc-backup")]
    [DataRow("svc-backup@acme.local", "ACME", "svc-backup")]
    [DataRow(@"ACME\svc-backup", "OTHER", "svc-backup")]
    public void DomainGivenTwiceIsAnError(string userName, string domain, string bare)
    {
        var violation = Violations.Single(CredentialRules.CheckUser(userName, "$(P)", domain), "SYNC0005", RuleSeverity.Error, Setting.Domain);
        StringAssert.EndsWith(violation.Message, "UserName = '" + bare + "'");
    }

    [TestMethod]
    [DataRow(null, "secret-value")]
    [DataRow("", "$(NAS_PASSWORD)")]
    [DataRow(null, "x")]
    public void PasswordWithoutUserIsAnError(string? userName, string password)
    {
        var violation = Violations.Single(CredentialRules.CheckUser(userName, password, null), "SYNC0006", RuleSeverity.Error, Setting.Password);
        Assert.DoesNotContain(password, violation.Message);
    }

    [TestMethod]
    public void AcceptsGeneratedUsers()
    {
        foreach (var (user, domain) in Fakes.Many(12, f => (f.Internet.UserName(), f.Random.Bool() ? f.Internet.DomainWord().ToUpperInvariant() : null)))
        {
            Violations.None(CredentialRules.CheckUser(user, "$(PASSWORD)", domain), user + " " + domain);
            Violations.None(CredentialRules.CheckUser(domain + "\\" + user, "$(PASSWORD)", null), user);
        }
    }

    [TestMethod]
    [DataRow(Setting.Password, "Tr0ub4dor&3", "$(NAS_OFFSITE_PASSWORD)")]
    [DataRow(Setting.SecretKey, "wJalrXUtnFEMI/K7MDENG", "$(NAS_OFFSITE_SECRET_KEY)")]
    [DataRow(Setting.AccessKey, "AKIAIOSFODNN7EXAMPLE", "$(NAS_OFFSITE_ACCESS_KEY)")]
    public void LiteralSecretIsAWarningThatNeverQuotesIt(string setting, string secret, string reference)
    {
        var violation = Violations.Single(CredentialRules.CheckSecret(secret, setting, "NasOffsite", DefinitionStage.AsWritten), "SYNC0029", RuleSeverity.Warning, setting);
        Assert.DoesNotContain(secret, violation.Message);
        StringAssert.Contains(violation.Message, "'" + reference + "'");
        Assert.IsEmpty(CredentialRules.CheckSecret(secret, setting, "NasOffsite", DefinitionStage.Resolved), "resolved values came from configuration");
        Assert.IsEmpty(CredentialRules.CheckSecret(reference, setting, "NasOffsite", DefinitionStage.AsWritten));
    }
}
