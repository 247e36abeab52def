using AdvisoryPipeline.Rendering;
using AdvisoryPipeline.Rendering.Html;

namespace AdvisoryPipeline.Tests.Rendering;

public sealed class GeneratedFolderTests : IDisposable
{
    private readonly string _parent = Path.Combine(Path.GetTempPath(), "site-writer-" + Guid.NewGuid().ToString("N"));

    private string Output => Path.Combine(_parent, "site");

    public void Dispose()
    {
        if (Directory.Exists(_parent)) Directory.Delete(_parent, recursive: true);
    }

    private static SiteContent Content(params (string Path, string Text)[] files)
    {
        var content = new SiteContent();
        foreach (var (path, text) in files) content.AddText(path, text);
        return content;
    }

    [Fact]
    public void Writes_every_file_and_the_marker()
    {
        GeneratedFolder.Replace(Output, Content(("index.html", "home"), ("A-1/index.html", "a")).Files);

        Assert.Equal("home", File.ReadAllText(Path.Combine(Output, "index.html")));
        Assert.Equal("a", File.ReadAllText(Path.Combine(Output, "A-1", "index.html")));
        Assert.True(File.Exists(Path.Combine(Output, GeneratedFolder.MarkerFile)));
        Assert.Equal(["site"], Directory.EnumerateFileSystemEntries(_parent).Select(Path.GetFileName));
    }

    [Fact]
    public void A_new_render_replaces_the_whole_previous_site()
    {
        GeneratedFolder.Replace(Output, Content(("index.html", "old"), ("GONE-1/index.html", "stale")).Files);
        GeneratedFolder.Replace(Output, Content(("index.html", "new")).Files);

        Assert.Equal("new", File.ReadAllText(Path.Combine(Output, "index.html")));
        Assert.False(Directory.Exists(Path.Combine(Output, "GONE-1")));
        Assert.Equal(["site"], Directory.EnumerateFileSystemEntries(_parent).Select(Path.GetFileName));
    }

    [Fact]
    public void Rendering_the_same_files_again_touches_nothing()
    {
        Assert.True(GeneratedFolder.Replace(Output, Content(("index.html", "home"), ("A-1/index.html", "a")).Files));
        var index = Path.Combine(Output, "index.html");
        var before = File.GetLastWriteTimeUtc(index);
        var inode = new DirectoryInfo(Output).CreationTimeUtc;
        File.SetLastWriteTimeUtc(index, before.AddMinutes(-5));

        var changed = GeneratedFolder.Replace(Output, Content(("index.html", "home"), ("A-1/index.html", "a")).Files);

        Assert.False(changed);
        Assert.Equal(before.AddMinutes(-5), File.GetLastWriteTimeUtc(index));
        Assert.Equal(inode, new DirectoryInfo(Output).CreationTimeUtc);
    }

    [Fact]
    public void An_extra_or_changed_file_makes_a_new_render()
    {
        GeneratedFolder.Replace(Output, Content(("index.html", "home")).Files);
        File.WriteAllText(Path.Combine(Output, "stray.html"), "x");

        Assert.True(GeneratedFolder.Replace(Output, Content(("index.html", "home")).Files));
        Assert.False(File.Exists(Path.Combine(Output, "stray.html")));
        Assert.True(GeneratedFolder.Replace(Output, Content(("index.html", "changed")).Files));
        Assert.Equal("changed", File.ReadAllText(Path.Combine(Output, "index.html")));
    }

    [Fact]
    public void A_failure_while_writing_leaves_the_previous_site_as_it_was()
    {
        GeneratedFolder.Replace(Output, Content(("index.html", "old")).Files);
        // "a" as a file and as a folder cannot both be written.
        var broken = Content(("a", "file"), ("a/index.html", "inside"), ("index.html", "new"));

        Assert.ThrowsAny<IOException>(() => GeneratedFolder.Replace(Output, broken.Files));

        Assert.Equal("old", File.ReadAllText(Path.Combine(Output, "index.html")));
        Assert.Equal(["site"], Directory.EnumerateFileSystemEntries(_parent).Select(Path.GetFileName));
    }

    [Fact]
    public void A_folder_with_other_files_is_never_replaced()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "thesis.tex"), "precious");

        var error = Assert.Throws<IOException>(() => GeneratedFolder.Replace(Output, Content(("index.html", "x")).Files));

        Assert.Contains(GeneratedFolder.MarkerFile, error.Message, StringComparison.Ordinal);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(Output, "thesis.tex")));
    }

    [Fact]
    public void An_empty_folder_is_used()
    {
        Directory.CreateDirectory(Output);

        GeneratedFolder.Replace(Output, Content(("index.html", "x")).Files);

        Assert.Equal("x", File.ReadAllText(Path.Combine(Output, "index.html")));
    }
}
