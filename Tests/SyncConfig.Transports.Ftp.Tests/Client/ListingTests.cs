using SyncConfig.Transports.Ftp.Client;

namespace SyncConfig.Transports.Ftp.Tests.Client;

/// <summary>Listings as vsftpd (LIST) and pure-ftpd (MLSD) sent them, IIS's DOS form, and names that must not get through.</summary>
[TestClass]
public sealed class ListingTests
{
    [TestMethod]
    public void VsftpdListGivesFilesAndFoldersWithSpacesAndDots()
    {
        var entries = FtpListing.ParseList([
            "drwxr-xr-x    4 1001     0            4096 Nov 28 23:58 .",
            "drwxr-xr-x    3 1001     1001         4096 Nov 28 23:58 ..",
            "drwxr-xr-x    3 1001     0            4096 Nov 28 23:58 .hid",
            "drwxr-xr-x    2 1001     0            4096 Nov 28 23:58 a b",
            "-rw-r--r--    1 1001     1001   1073741824 Jan 01  2025 full image.mrimg",
            "-rw-r--r--    1 1001     1001            6 Nov 28 23:58  leading space",
            "lrwxrwxrwx    1 1001     1001            4 Nov 28 23:58 link -> a b",
        ]).ToList();
        CollectionAssert.AreEqual(new[]
        {
            new FtpListEntry(".hid", FtpEntryKind.Folder, 0),
            new FtpListEntry("a b", FtpEntryKind.Folder, 0),
            new FtpListEntry("full image.mrimg", FtpEntryKind.File, 1073741824),
            new FtpListEntry(" leading space", FtpEntryKind.File, 6),
        }, entries);
    }

    [TestMethod]
    public void AListWithoutAGroupColumnStillFindsTheSize()
    {
        var entry = FtpListing.ParseList(["-rw-r--r--   1 backup      5120 Mar  3 10:00 disk.img"]).Single();
        Assert.AreEqual(new FtpListEntry("disk.img", FtpEntryKind.File, 5120), entry);
    }

    [TestMethod]
    public void PureFtpdMlsdGivesFilesAndFolders()
    {
        var entries = FtpListing.ParseMlsd([
            "type=cdir;sizd=4096;modify=20261128235800;UNIX.mode=0755;UNIX.uid=1001;UNIX.gid=0;unique=803g1a0c; .",
            "type=pdir;sizd=4096;modify=20261128235800;UNIX.mode=0755;UNIX.uid=1001;UNIX.gid=1001;unique=803g19f1; ..",
            "type=dir;sizd=4096;modify=20261128235800;UNIX.mode=0755;UNIX.uid=1001;UNIX.gid=0;unique=803g1a0d; .hid",
            "type=file;size=6;modify=20261128235800;UNIX.mode=0644;UNIX.uid=1001;UNIX.gid=0;unique=803g1a10; file with space.txt",
            "type=file;size=3;modify=20261128235800; semi;colon name",
            "type=OS.unix=slink:/etc;size=4; link",
        ]).ToList();
        CollectionAssert.AreEqual(new[]
        {
            new FtpListEntry(".hid", FtpEntryKind.Folder, 0),
            new FtpListEntry("file with space.txt", FtpEntryKind.File, 6),
            new FtpListEntry("semi;colon name", FtpEntryKind.File, 3),
        }, entries);
    }

    [TestMethod]
    public void IisDosListingParses()
    {
        var entries = FtpListing.ParseList([
            "01-31-24  09:15PM       <DIR>          PC01",
            "01-31-24  09:16PM            1,234,567 Full Image.mrimg",
        ]).ToList();
        CollectionAssert.AreEqual(new[]
        {
            new FtpListEntry("PC01", FtpEntryKind.Folder, 0),
            new FtpListEntry("Full Image.mrimg", FtpEntryKind.File, 1234567),
        }, entries);
    }

    [TestMethod]
    public void NamesThatWouldLeaveTheFolderAndGarbageLinesAreSkipped()
    {
        var entries = FtpListing.ParseList([
            "-rw-r--r--    1 1001     1001            6 Nov 28 23:58 ../../etc/passwd",
            "-rw-r--r--    1 1001     1001            6 Nov 28 23:58 a/b",
            "total 12",
            "garbage",
            "-rw-r--r-- 1 x y notanumber Nov 28 23:58 name",
        ]).Concat(FtpListing.ParseMlsd(["type=file;size=1; ../up", "type=dir; sub/dir", "nofacts", "type=file;size=-3; negative"])).ToList();
        CollectionAssert.AreEqual(new[] { new FtpListEntry("negative", FtpEntryKind.File, 0) }, entries);
    }
}
