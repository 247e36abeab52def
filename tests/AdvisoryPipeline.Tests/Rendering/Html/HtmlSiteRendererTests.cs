using AdvisoryPipeline.Rendering.Html;

namespace AdvisoryPipeline.Tests.Rendering.Html;

public sealed class HtmlSiteRendererTests
{
    [Fact]
    public void Same_input_gives_byte_identical_files()
    {
        var first = RenderedSite.Sample().Content.Files;
        var second = RenderedSite.Sample().Content.Files;

        Assert.Equal(first.Keys, second.Keys);
        foreach (var (path, bytes) in first) Assert.True(bytes.AsSpan().SequenceEqual(second[path]), $"{path} differs between two renders");
    }

    [Fact]
    public void Dump()
    {
        var site = RenderedSite.Sample();
        var dir = "/tmp/site-dump";
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        SiteFolderWriter.Replace(dir, site.Content);
        var hostile = RenderedSite.Hostile();
        var dir2 = "/tmp/site-dump-hostile";
        if (Directory.Exists(dir2)) Directory.Delete(dir2, true);
        SiteFolderWriter.Replace(dir2, hostile.Content);
    }
}
