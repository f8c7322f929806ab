using SyncConfig.Testing.Servers;

namespace SyncConfig.Transports.Smb.Tests;

/// <summary>The forms a Windows login is written in all reach the share.</summary>
[TestClass]
public sealed class LoginTests
{
    [TestMethod]
    [DataRow("plain")]
    [DataRow("domain-backslash-user")]
    [DataRow("user-at-domain")]
    [DataRow("separate-domain")]
    public async Task EveryFormOfTheUserLogsIn(string form)
    {
        await using var server = new SmbServer();
        const string domain = "WORKGROUP";
        var target = server.Target();
        target = form switch
        {
            "domain-backslash-user" => target with { UserName = domain + @"\" + SmbServer.User },
            "user-at-domain" => target with { UserName = SmbServer.User + "@" + domain },
            "separate-domain" => target with { Domain = domain },
            _ => target,
        };
        var transport = server.Open(target);

        await transport.ConnectAsync(default);
        await transport.WriteAsync("login.txt", new MemoryStream("hello"u8.ToArray()), WriteMode.CreateNew, default);

        Assert.AreEqual(5, (await transport.GetFileAsync("login.txt", default))?.Length);
        Assert.IsTrue(File.Exists(Path.Combine(server.LocalPath, "login.txt")));
    }

    [TestMethod]
    public void TheFactoryReadsTheDefinitionsSettingsIncludingThePort()
    {
        var settings = new SyncConfig.Catalog.NetworkShareSettings(@"\\nas01\offsite\site", @"ACME\backup", "secret", null, 4445);

        var target = SmbTransportFactory.Target(settings);

        Assert.AreEqual("nas01", target.Server);
        Assert.AreEqual("offsite", target.Share);
        CollectionAssert.AreEqual(new[] { "site" }, target.Folders.ToArray());
        Assert.AreEqual(4445, target.Port);
        Assert.AreEqual(new Native.SmbCredentials("ACME", "backup", "secret"), target.Credentials());
        Assert.AreEqual(@"\\nas01\offsite\site (port 4445)", target.ToString());
        Assert.IsTrue(new SmbTransportFactory().CanCreate(settings));
    }
}
