using AdvisoryPipeline.FileSystem;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.FileSystem;

/// <summary>A file's stamp (Linux's statx) changes with every write, whatever the modification time says.</summary>
public sealed class FileStampTests : IDisposable
{
    private readonly TempFolder _temp = new("advisory-stamp-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_stamp_moves_with_every_write_and_a_rename_over_the_file()
    {
        var path = _temp.Combine("a.yaml");
        File.WriteAllText(path, "a: 1\n");
        var (kind, stamp) = FileKinds.Status(path);
        Assert.Equal(FileKind.RegularFile, kind);
        if (!OperatingSystem.IsLinux()) return;
        Assert.NotNull(stamp);
        Assert.Equal(5, stamp.Value.Size);

        var modified = File.GetLastWriteTimeUtc(path);
        // Long enough for the change time to move on a file system that keeps whole seconds.
        Thread.Sleep(1100);
        File.WriteAllText(path, "a: 2\n");
        File.SetLastWriteTimeUtc(path, modified);
        Assert.NotEqual(stamp, FileKinds.Status(path).Stamp);

        var replacement = _temp.Combine("b.yaml");
        File.WriteAllText(replacement, "a: 2\n");
        var beforeRename = FileKinds.Status(path).Stamp;
        File.Move(replacement, path, overwrite: true);
        Assert.NotEqual(beforeRename!.Value.Inode, FileKinds.Status(path).Stamp!.Value.Inode);
        Assert.Null(FileKinds.Status(_temp.Path).Stamp);
    }

    [Fact]
    public void A_stamp_settles_only_once_both_times_are_older_than_the_margin()
    {
        var now = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
        long Ns(DateTimeOffset t) => t.ToUnixTimeMilliseconds() * 1_000_000;
        var old = new FileStamp(1, 2, 3, Ns(now.AddMinutes(-5)), Ns(now.AddMinutes(-5)));

        Assert.True(old.IsSettledBefore(now, TimeSpan.FromSeconds(3)));
        Assert.False((old with { ChangedNanoseconds = Ns(now.AddSeconds(-1)) }).IsSettledBefore(now, TimeSpan.FromSeconds(3)));
        Assert.False((old with { ModifiedNanoseconds = Ns(now.AddDays(1)) }).IsSettledBefore(now, TimeSpan.FromSeconds(3)));
    }
}
