using System.Text;
using SyncConfig.Transports.Ftp.Client;

namespace SyncConfig.Transports.Ftp.Tests.Client;

[TestClass]
public sealed class ServerChecksumTests
{
    public TestContext TestContext { get; set; } = null!;

    private static FtpFeatures Features(params string[] lines) =>
        FtpFeatures.Parse(new FtpReply(211, ["Features:", .. lines, "End"]));

    [TestMethod]
    public void TheStrongestOfferedChecksumIsChosen()
    {
        Assert.AreEqual("SHA-256", ServerChecksum.Choose(Features(" HASH SHA-1;SHA-256*;MD5"))?.Algorithm);
        Assert.AreEqual("OPTS HASH SHA-256", ServerChecksum.Choose(Features(" HASH SHA-1;SHA-256*;MD5"))?.SelectCommand);
        Assert.AreEqual("XSHA256", ServerChecksum.Choose(Features(" XCRC", " XSHA256", " XMD5"))?.Command);
        Assert.AreEqual("CRC32", ServerChecksum.Choose(Features(" XCRC"))?.Algorithm);
        Assert.IsNull(ServerChecksum.Choose(Features(" HASH WHIRLPOOL")));
    }

    [TestMethod]
    [DataRow("HASH", "SHA-256", "SHA-256 0-5 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 /a/test")]
    [DataRow("XSHA256", "SHA-256", "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08")]
    [DataRow("XMD5", "MD5", "098F6BCD4621D373CADE4E832627B4F6")]
    [DataRow("XSHA1", "SHA-1", "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3")]
    [DataRow("XCRC", "CRC32", "D87F7E0C")]
    public async Task TheServerDigestMatchesTheSameChecksumOfLocalBytes(string command, string algorithm, string replyText)
    {
        var checksum = new ServerChecksum(algorithm, command, null);
        var theirs = checksum.DigestIn(new FtpReply(command == "HASH" ? 213 : 250, [replyText]));
        var ours = await checksum.ComputeAsync(new MemoryStream(Encoding.ASCII.GetBytes("test")), TestContext.CancellationToken);
        CollectionAssert.AreEqual(ours, theirs);
    }

    [TestMethod]
    public void AReplyWithoutADigestOfTheRightLengthGivesNone() =>
        Assert.IsNull(new ServerChecksum("SHA-256", "XSHA256", null).DigestIn(new FtpReply(250, ["d87f7e0c not a sha"])));
}
