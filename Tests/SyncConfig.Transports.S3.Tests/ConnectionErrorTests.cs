using System.Net;
using System.Net.Sockets;
using Amazon;
using SyncConfig.Transports.S3.Tests.Support;

namespace SyncConfig.Transports.S3.Tests;

/// <summary>Each way a connection fails is its own error, naming the setting to fix and never a key.</summary>
[TestClass]
public sealed class ConnectionErrorTests
{
    public TestContext TestContext { get; set; } = null!;

    private async Task<RemoteException> ConnectFailsAsync(S3Target target)
    {
        await using var transport = new S3Transport(target);
        var e = await Assert.ThrowsExactlyAsync<RemoteException>(() => transport.ConnectAsync(CancellationToken.None));
        Assert.DoesNotContain(S3TestServer.SecretKey, e.Message);
        Assert.DoesNotContain(target.Credentials.SecretKey, e.Message);
        Assert.DoesNotContain(target.Credentials.AccessKey, e.Message);
        return e;
    }

    private string Root => S3TestServer.NewRootPath(TestContext.TestName!);

    [TestMethod]
    public async Task A_wrong_secret_key_names_SecretKey()
    {
        var e = await ConnectFailsAsync(S3TestServer.Target(Root, secretKey: "not-the-secret"));

        Assert.AreEqual(RemoteErrorKind.AuthenticationFailed, e.Kind, e.Message);
        Assert.Contains("SecretKey", e.Message, e.Message);
    }

    [TestMethod]
    public async Task An_unknown_access_key_is_refused_naming_AccessKey()
    {
        var e = await ConnectFailsAsync(S3TestServer.Target(Root, accessKey: "nobody:atall"));

        Assert.AreEqual(RemoteErrorKind.AuthenticationFailed, e.Kind, e.Message);
        Assert.Contains("AccessKey", e.Message, e.Message);
    }

    [TestMethod]
    public async Task A_missing_bucket_names_Bucket()
    {
        var e = await ConnectFailsAsync(S3TestServer.Target(Root, bucket: "syncconfig-no-such-bucket"));

        Assert.AreEqual(RemoteErrorKind.NotFound, e.Kind, e.Message);
        Assert.Contains("'syncconfig-no-such-bucket'", e.Message, e.Message);
        Assert.Contains("Check Bucket", e.Message, e.Message);
    }

    [TestMethod]
    public async Task A_port_nobody_listens_on_is_unreachable_and_names_Endpoint()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var e = await ConnectFailsAsync(S3TestServer.Target(Root, authority: $"127.0.0.1:{port}"));

        Assert.AreEqual(RemoteErrorKind.Unreachable, e.Kind, e.Message);
        Assert.IsTrue(e.IsTransient);
        Assert.Contains("Check Endpoint", e.Message, e.Message);
    }

    [TestMethod]
    public async Task A_region_the_store_is_not_in_names_Region()
    {
        var e = await ConnectFailsAsync(S3TestServer.Target(Root, region: "eu-central-1"));

        Assert.Contains("not in region 'eu-central-1'", e.Message, e.Message);
        Assert.Contains("Check Region", e.Message, e.Message);
    }

    /// <summary>The SDK signs with the machine's clock; an offset clock is one whose requests are all refused.</summary>
    [TestMethod]
    [DoNotParallelize]
    public async Task A_clock_off_by_an_hour_is_reported_as_the_clock_to_set()
    {
        AWSConfigs.ManualClockCorrection = TimeSpan.FromHours(1);
        try
        {
            var e = await ConnectFailsAsync(S3TestServer.Target(Root));

            Assert.Contains("RequestTimeTooSkewed", e.Message, e.Message);
            Assert.Contains("clock", e.Message, e.Message);
        }
        finally
        {
            AWSConfigs.ManualClockCorrection = null;
        }
    }
}
