using AdvisoryPipeline.FileSystem;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.FileSystem;

public sealed class FolderReplacementTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private string Folder => _root.Combine("out", "site");

    private string[] Beside => [.. Directory.GetFileSystemEntries(_root.Combine("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private static void Fill(string folder, string text)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "index.html"), text);
    }

    private void Replace(string text) => new FolderReplacement(Folder).Replace(staging => Fill(staging, text));

    [Fact]
    public void A_replacement_swaps_the_whole_folder_and_leaves_nothing_beside_it()
    {
        Replace("first");
        Replace("second");

        Assert.Equal("second", File.ReadAllText(Path.Combine(Folder, "index.html")));
        Assert.Equal(["site"], Beside);
    }

    [Fact]
    public void What_a_run_killed_while_staging_left_is_removed_by_the_next_replacement()
    {
        Replace("first");
        Fill(_root.Combine("out", ".site.staging-0123abcd"), "half");

        Replace("second");

        Assert.Equal(["site"], Beside);
        Assert.Equal("second", File.ReadAllText(Path.Combine(Folder, "index.html")));
    }

    [Fact]
    public void A_run_killed_between_the_two_renames_gets_its_previous_folder_back()
    {
        Fill(_root.Combine("out", ".site.previous-0639000000000000000-1a2b3c4d"), "last good");
        Fill(_root.Combine("out", ".site.staging-5678"), "half");

        new FolderReplacement(Folder).Recover();

        Assert.Equal(["site"], Beside);
        Assert.Equal("last good", File.ReadAllText(Path.Combine(Folder, "index.html")));
    }

    [Fact]
    public void With_the_folder_missing_and_several_backups_the_newest_is_restored_and_never_deleted()
    {
        Fill(_root.Combine("out", ".site.previous-0638000000000000000-00000001"), "older");
        Fill(_root.Combine("out", ".site.previous-0639000000000000000-00000002"), "newest");

        new FolderReplacement(Folder).Recover();

        Assert.Equal(["site"], Beside);
        Assert.Equal("newest", File.ReadAllText(Path.Combine(Folder, "index.html")));
    }

    [Fact]
    public void A_backup_beside_a_complete_folder_is_a_run_killed_before_its_last_delete()
    {
        Replace("current");
        Fill(_root.Combine("out", ".site.previous-0639000000000000000-00000002"), "older");

        new FolderReplacement(Folder).Recover();

        Assert.Equal(["site"], Beside);
        Assert.Equal("current", File.ReadAllText(Path.Combine(Folder, "index.html")));
    }

    [Fact]
    public void A_failure_while_staging_leaves_the_folder_as_it_was()
    {
        Replace("first");

        Assert.Throws<IOException>(() => new FolderReplacement(Folder).Replace(_ => throw new IOException("disk full")));

        Assert.Equal(["site"], Beside);
        Assert.Equal("first", File.ReadAllText(Path.Combine(Folder, "index.html")));
    }
}
