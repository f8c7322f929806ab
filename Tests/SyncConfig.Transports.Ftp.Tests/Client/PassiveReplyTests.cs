using SyncConfig.Transports.Ftp.Client;

namespace SyncConfig.Transports.Ftp.Tests.Client;

[TestClass]
public sealed class PassiveReplyTests
{
    [TestMethod]
    [DataRow("Entering Extended Passive Mode (|||30007|)", 30007)]
    [DataRow("Extended Passive mode OK (|||30066|)", 30066)]
    [DataRow("Entering Extended Passive Mode (!!!6446!)", 6446)]
    public void ExtendedRepliesGiveTheirPort(string text, int port) =>
        Assert.AreEqual(port, PassiveReply.ExtendedPort(new FtpReply(229, [text])));

    [TestMethod]
    [DataRow("Entering Passive Mode (127,0,0,1,117,50).", 30002)]
    [DataRow("Entering Passive Mode (127,0,0,1,117,111)", 30063)]
    [DataRow("Entering Passive Mode 10,1,2,3,4,1", 1025)]
    [DataRow("=192,168,0,1,200,10", 51210)]
    public void ClassicRepliesGiveTheirPort(string text, int port) =>
        Assert.AreEqual(port, PassiveReply.ClassicEndpoint(new FtpReply(227, [text])).Port);

    [TestMethod]
    [DataRow(229, "Entering Extended Passive Mode (|||0|)")]
    [DataRow(229, "Entering Extended Passive Mode (|||70000|)")]
    [DataRow(229, "Entering Extended Passive Mode (|1|127.0.0.1|30007|)")]
    [DataRow(229, "Entering Extended Passive Mode")]
    [DataRow(229, "Entering Extended Passive Mode (|||-5|)")]
    [DataRow(227, "Entering Passive Mode (127,0,0,1,300,1)")]
    [DataRow(227, "Entering Passive Mode (127,0,0,1,0,0)")]
    [DataRow(227, "Entering Passive Mode (127,0,0,1)")]
    public void MalformedOrHostileRepliesAreRefused(int code, string text)
    {
        var reply = new FtpReply(code, [text]);
        var e = Assert.ThrowsExactly<FtpException>(() =>
        {
            if (code == 229)
                PassiveReply.ExtendedPort(reply);
            else
                PassiveReply.ClassicEndpoint(reply);
        });
        Assert.AreEqual(FtpFailure.Protocol, e.Failure);
    }
}
