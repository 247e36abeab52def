using AdvisoryPipeline.Rendering.Html;

namespace AdvisoryPipeline.Tests.Rendering.Html;

public sealed class SiteFolderWriterTests : IDisposable
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
        SiteFolderWriter.Replace(Output, Content(("index.html", "home"), ("A-1/index.html", "a")));

        Assert.Equal("home", File.ReadAllText(Path.Combine(Output, "index.html")));
        Assert.Equal("a", File.ReadAllText(Path.Combine(Output, "A-1", "index.html")));
        Assert.True(File.Exists(Path.Combine(Output, SiteFolderWriter.MarkerFile)));
        Assert.Equal(["site"], Directory.EnumerateFileSystemEntries(_parent).Select(Path.GetFileName));
    }

    [Fact]
    public void A_new_render_replaces_the_whole_previous_site()
    {
        SiteFolderWriter.Replace(Output, Content(("index.html", "old"), ("GONE-1/index.html", "stale")));
        SiteFolderWriter.Replace(Output, Content(("index.html", "new")));

        Assert.Equal("new", File.ReadAllText(Path.Combine(Output, "index.html")));
        Assert.False(Directory.Exists(Path.Combine(Output, "GONE-1")));
        Assert.Equal(["site"], Directory.EnumerateFileSystemEntries(_parent).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failure_while_writing_leaves_the_previous_site_as_it_was()
    {
        SiteFolderWriter.Replace(Output, Content(("index.html", "old")));
        // "a" as a file and as a folder cannot both be written.
        var broken = Content(("a", "file"), ("a/index.html", "inside"), ("index.html", "new"));

        Assert.ThrowsAny<IOException>(() => SiteFolderWriter.Replace(Output, broken));

        Assert.Equal("old", File.ReadAllText(Path.Combine(Output, "index.html")));
        Assert.Equal(["site"], Directory.EnumerateFileSystemEntries(_parent).Select(Path.GetFileName));
    }

    [Fact]
    public void A_folder_with_other_files_is_never_replaced()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "thesis.tex"), "precious");

        var error = Assert.Throws<IOException>(() => SiteFolderWriter.Replace(Output, Content(("index.html", "x"))));

        Assert.Contains(SiteFolderWriter.MarkerFile, error.Message, StringComparison.Ordinal);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(Output, "thesis.tex")));
    }

    [Fact]
    public void An_empty_folder_is_used()
    {
        Directory.CreateDirectory(Output);

        SiteFolderWriter.Replace(Output, Content(("index.html", "x")));

        Assert.Equal("x", File.ReadAllText(Path.Combine(Output, "index.html")));
    }
}
