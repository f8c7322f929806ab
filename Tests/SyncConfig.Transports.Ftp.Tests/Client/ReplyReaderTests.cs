using System.Text;
using SyncConfig.Transports.Ftp.Client;

namespace SyncConfig.Transports.Ftp.Tests.Client;

/// <summary>Replies as vsftpd 3.0.3 and pure-ftpd 1.0.50 sent them in real sessions, then malformed and hostile ones.</summary>
[TestClass]
public sealed class ReplyReaderTests
{
    public TestContext TestContext { get; set; } = null!;

    private const string VsftpdFeat = "211-Features:\r\n AUTH TLS\r\n UTF8\r\n EPSV\r\n MDTM\r\n PASV\r\n PBSZ\r\n PROT\r\n REST STREAM\r\n SIZE\r\n TVFS\r\n211 End\r\n";

    private const string PureFtpdGreeting =
        "220---------- Welcome to Pure-FTPd [privsep] [TLS] ----------\r\n220-You are user number 1 of 10 allowed.\r\n" +
        "220-Local time is now 23:56. Server port: 2122.\r\n220-This is a private system - No anonymous login\r\n" +
        "220-IPv6 connections are also welcome on this server.\r\n220 You will be disconnected after 15 minutes of inactivity.\r\n";

    private const string PureFtpdFeat =
        "211-Extensions supported:\r\n UTF8\r\n EPRT\r\n IDLE\r\n MDTM\r\n SIZE\r\n MFMT\r\n REST STREAM\r\n" +
        " MLST type*;size*;sizd*;modify*;UNIX.mode*;UNIX.uid*;UNIX.gid*;unique*;\r\n MLSD\r\n PRET\r\n AUTH TLS\r\n PBSZ\r\n PROT\r\n" +
        " TVFS\r\n ESTA\r\n PASV\r\n EPSV\r\n211 End.\r\n";

    [TestMethod]
    public async Task SingleLineRepliesOfBothServersParse()
    {
        var replies = await ReadAllAsync("220 (vsFTPd 3.0.3)\r\n331 Please specify the password.\r\n230 OK. Current directory is /tmp/syncconfig-servers/home\r\n229 Extended Passive mode OK (|||30066|)\r\n", 4);
        CollectionAssert.AreEqual(new[] { 220, 331, 230, 229 }, replies.Select(r => r.Code).ToArray());
        Assert.AreEqual("(vsFTPd 3.0.3)", replies[0].Text);
        Assert.AreEqual("Extended Passive mode OK (|||30066|)", replies[3].Text);
    }

    [TestMethod]
    public async Task AMultiLineGreetingIsOneReply()
    {
        var reply = (await ReadAllAsync(PureFtpdGreeting + "331 User syncconfig-test OK. Password required\r\n", 2))[0];
        Assert.AreEqual(220, reply.Code);
        Assert.HasCount(6, reply.Lines);
        Assert.AreEqual("You will be disconnected after 15 minutes of inactivity.", reply.Lines[^1]);
    }

    [TestMethod]
    public async Task FeatOfBothServersListsTheirFeatures()
    {
        var vsftpd = FtpFeatures.Parse((await ReadAllAsync(VsftpdFeat, 1))[0]);
        var pure = FtpFeatures.Parse((await ReadAllAsync(PureFtpdFeat, 1))[0]);
        Assert.IsTrue(vsftpd.Has("EPSV") && vsftpd.Has("auth") && vsftpd.Has("SIZE"));
        Assert.IsFalse(vsftpd.Has("MLSD"));
        Assert.IsTrue(pure.Has("MLSD"));
        Assert.AreEqual("type*;size*;sizd*;modify*;UNIX.mode*;UNIX.uid*;UNIX.gid*;unique*;", pure.Parameters("MLST"));
        Assert.AreEqual("STREAM", pure.Parameters("REST"));
        Assert.IsNull(ServerChecksum.Choose(vsftpd));
        Assert.IsNull(ServerChecksum.Choose(pure));
    }

    [TestMethod]
    public async Task AContinuationLineThatLooksLikeAnotherCodeDoesNotEndTheReply()
    {
        var reply = (await ReadAllAsync("211-Status\r\n200 not the end\r\n211-still going\r\n211 End\r\n", 1))[0];
        Assert.AreEqual(211, reply.Code);
        CollectionAssert.AreEqual(new[] { "Status", "200 not the end", "211-still going", "End" }, reply.Lines.ToArray());
    }

    [TestMethod]
    public async Task BareLineFeedsAndACodeWithoutTextAreAccepted()
    {
        var replies = await ReadAllAsync("200\n226 Transfer complete\n", 2);
        Assert.AreEqual(200, replies[0].Code);
        Assert.AreEqual("", replies[0].Text);
        Assert.AreEqual("Transfer complete", replies[1].Text);
    }

    [TestMethod]
    [DataRow("HTTP/1.1 400 Bad Request\r\n")]
    [DataRow("2x0 nope\r\n")]
    [DataRow("620 no such class\r\n")]
    [DataRow("220Welcome\r\n")]
    [DataRow("\r\n")]
    public async Task ALineThatIsNoReplyIsAProtocolError(string text)
    {
        var e = await Assert.ThrowsExactlyAsync<FtpException>(() => ReadAllAsync(text, 1));
        Assert.AreEqual(FtpFailure.Protocol, e.Failure);
    }

    [TestMethod]
    public async Task AnEndlessLineIsCutOff()
    {
        var e = await Assert.ThrowsExactlyAsync<FtpException>(() => ReadAllAsync("220 " + new string('x', 100_000) + "\r\n", 1));
        Assert.AreEqual(FtpFailure.Protocol, e.Failure);
        Assert.Contains("longer than", e.Message);
    }

    [TestMethod]
    public async Task AnEndlessMultiLineReplyIsCutOff()
    {
        var text = "211-Features:\r\n" + string.Concat(Enumerable.Repeat(" X\r\n", 5000)) + "211 End\r\n";
        var e = await Assert.ThrowsExactlyAsync<FtpException>(() => ReadAllAsync(text, 1));
        Assert.AreEqual(FtpFailure.Protocol, e.Failure);
    }

    [TestMethod]
    public async Task AReplyCutShortIsALostConnection()
    {
        var e = await Assert.ThrowsExactlyAsync<FtpException>(() => ReadAllAsync("211-Features:\r\n UTF8\r\n", 1));
        Assert.AreEqual(FtpFailure.ConnectionLost, e.Failure);
    }

    [TestMethod]
    public async Task ControlCharactersAndInvalidBytesNeverReachAMessage()
    {
        var bytes = Encoding.ASCII.GetBytes("550 evil\u001b[31m name\u0007 ").Concat(new byte[] { 0xff, 0xfe }).Concat("\r\n"u8.ToArray()).ToArray();
        var reply = await new FtpReplyReader(new MemoryStream(bytes)).ReadAsync(TestContext.CancellationToken);
        Assert.AreEqual(550, reply.Code);
        Assert.IsFalse(reply.Quoted.Any(char.IsControl), reply.Quoted);
        Assert.IsLessThanOrEqualTo(310, new FtpReply(500, [new string('y', 10_000)]).Quoted.Length);
    }

    private async Task<List<FtpReply>> ReadAllAsync(string text, int count)
    {
        var reader = new FtpReplyReader(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var replies = new List<FtpReply>();
        for (var i = 0; i < count; i++)
            replies.Add(await reader.ReadAsync(TestContext.CancellationToken));
        return replies;
    }
}
