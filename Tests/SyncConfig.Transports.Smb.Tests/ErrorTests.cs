using SyncConfig.Testing.Servers;

namespace SyncConfig.Transports.Smb.Tests;

/// <summary>What a person sees when a share cannot be used: one clear kind the engine acts on, a message to act on, no secret.</summary>
[TestClass]
public sealed class ErrorTests
{
    [TestMethod]
    public async Task AWrongPasswordIsAnAuthenticationFailureNamingTheUser()
    {
        await using var server = new SmbServer();
        var transport = server.Open(server.Target() with { Password = "not-the-password-" + Guid.NewGuid().ToString("N")[..6] });

        var failure = await Assert.ThrowsExactlyAsync<RemoteException>(() => transport.ConnectAsync(default));

        Assert.AreEqual(RemoteErrorKind.AuthenticationFailed, failure.Kind, failure.Message);
        Assert.IsFalse(failure.IsTransient);
        StringAssert.Contains(failure.Message, SmbServer.User);
        StringAssert.Contains(failure.Message, "password");
        Assert.DoesNotContain("not-the-password", failure.Message);
    }

    [TestMethod]
    public async Task AMissingShareIsNotFoundNamingTheShare()
    {
        await using var server = new SmbServer();
        var transport = server.Open(server.Target() with { Share = "no-such-share" });

        var failure = await Assert.ThrowsExactlyAsync<RemoteException>(() => transport.ConnectAsync(default));

        Assert.AreEqual(RemoteErrorKind.NotFound, failure.Kind, failure.Message);
        StringAssert.Contains(failure.Message, "no-such-share");
        Assert.DoesNotContain(SmbServer.Password, failure.Message);
    }

    [TestMethod]
    public async Task AMissingTargetFolderIsNotFoundAndSaysToCreateIt()
    {
        await using var server = new SmbServer();
        var transport = server.Open(server.Target(server.Folder + "/missing/deeper"));

        var failure = await Assert.ThrowsExactlyAsync<RemoteException>(() => transport.ConnectAsync(default));

        Assert.AreEqual(RemoteErrorKind.NotFound, failure.Kind, failure.Message);
        StringAssert.Contains(failure.Message, @"\missing\deeper");
        StringAssert.Contains(failure.Message, "does not exist");
        Assert.IsFalse(Directory.Exists(Path.Combine(server.LocalPath, "missing")), "the target path is never created");
    }

    [TestMethod]
    public async Task AReadOnlyShareConnectsAndReadsButRefusesWritesAsPermissionDenied()
    {
        await using var server = new SmbServer();
        var transport = server.Open(server.Target() with { Share = TestServers.Get("SYNCTEST_SMB_READONLY_SHARE"), Folders = [] });
        await transport.ConnectAsync(default);
        Assert.IsNotNull(await transport.GetFileAsync(TestServers.Get("SYNCTEST_SMB_READONLY_FILE"), default));

        var failure = await Assert.ThrowsExactlyAsync<RemoteException>(
            () => transport.WriteAsync("Offsite/new.bin", new MemoryStream([1, 2, 3]), WriteMode.Replace, default));

        Assert.AreEqual(RemoteErrorKind.PermissionDenied, failure.Kind, failure.Message);
        StringAssert.Contains(failure.Message, "read-only");
        Assert.IsFalse(failure.IsTransient);
    }

    [TestMethod]
    public async Task AServerThatDoesNotListenIsUnreachableAndWorthARetry()
    {
        await using var server = new SmbServer();
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var transport = server.Open(server.Target() with { Port = port });

        var failure = await Assert.ThrowsExactlyAsync<RemoteException>(() => transport.ConnectAsync(default));

        Assert.AreEqual(RemoteErrorKind.Unreachable, failure.Kind, failure.Message);
        Assert.IsTrue(failure.IsTransient);
        StringAssert.Contains(failure.Message, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestMethod]
    public async Task TheDisplayNameIsTheUncPathWithItsPortAndNoCredentials()
    {
        await using var server = new SmbServer();
        var transport = server.Open(server.Target());

        Assert.AreEqual($@"\\{TestServers.Get("SYNCTEST_HOST")}\{TestServers.Get("SYNCTEST_SMB_SHARE")}\{server.Folder} (port {TestServers.Get("SYNCTEST_SMB_PORT")})", transport.DisplayName);
    }
}
