using SyncConfig.Engine;
using SyncConfig.Engine.Results;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Execution;
using SyncConfig.Runtime.Tests.Infrastructure;
using SyncConfig.Transports.LocalPath;

namespace SyncConfig.Runtime.Tests.Execution;

[TestClass]
public sealed class TransportRegistryTests
{
    [TestMethod]
    public async Task A_destination_a_factory_serves_gets_that_transport()
    {
        using var folder = new TempFolder();
        var destination = Registrations.LocalPath("Usb", folder.Combine("repository"), folder.Path).Destination;

        Assert.IsNull(TransportRegistry.InThisBuild.Unavailable(destination));
        await using var transport = TransportRegistry.InThisBuild.Create(destination);

        Assert.IsInstanceOfType<LocalPathTransport>(transport);
        Assert.AreEqual(Path.GetFullPath(folder.Path), transport.DisplayName);
    }

    [TestMethod]
    public void A_destination_no_factory_serves_is_not_in_this_build()
    {
        var destination = Registrations.Sftp("Offsite", "backup.example.com/home/backups", "sftp-secret-value-42").Destination;
        var onlyLocal = new TransportRegistry([new LocalPathTransportFactory()]);
        var none = new TransportRegistry([]);

        Assert.AreEqual("The SFTP transport is not available in this build yet; this build syncs to: Local Path.", onlyLocal.Unavailable(destination));
        var local = Registrations.LocalPath("Usb", "/srv/backups/main", "/mnt/usb").Destination;
        var refused = Assert.ThrowsExactly<TransportNotAvailableException>(() => none.Create(local));
        Assert.AreEqual(none.Unavailable(local), refused.Message);
        StringAssert.Contains(refused.Message, "is not available in this build yet");
    }

    [TestMethod]
    [DataRow(SyncErrorKind.RemoteIdMismatch, "any words at all", ExitCodes.RemoteIdMismatch)]
    [DataRow(SyncErrorKind.Unreachable, "Remote server ID does not match this repository", ExitCodes.SyncFailed)]
    public void The_exit_code_follows_the_error_kind_not_the_message(SyncErrorKind kind, string message, int expected)
    {
        var result = new SyncResult
        {
            SyncName = "Usb", Outcome = SyncOutcome.Failed, StartedAt = DateTimeOffset.UnixEpoch, EndedAt = DateTimeOffset.UnixEpoch,
            Errors = [message], ErrorKind = kind,
        };

        Assert.AreEqual(expected, SyncCommands.ExitCodeOf(new RunOutcome(result), interrupted: false));
    }
}
