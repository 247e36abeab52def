using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Rendering;

/// <summary>
/// Pins what <c>advisory render</c> writes for the example database at a fixed <c>--now</c>: the command's output,
/// the list of every file it writes, and the pages people read (the site's index, the page of TSSA-2025-4, the
/// Atom feed, the Markdown index and page, the mail text, and the security policy as page, security.txt and
/// SECURITY.md). Golden files in Rendering/Golden/.
/// </summary>
public sealed class RenderGoldenTests : IDisposable
{
    private const string Now = "2026-11-22T12:00:00Z";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Rendering_the_example_database()
    {
        _temp.CopyFromRepository("advisories");
        string[] args = ["render", "--out", "rendered", "--now", Now];

        var result = new CliRunner(_temp.Path).Run(args);

        GoldenFile.Verify("Rendering/Golden/render-example.txt", GoldenFile.Transcript(result, args));
        var root = _temp.Combine("rendered");
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        GoldenFile.Verify("Rendering/Golden/render-example-files.txt", string.Concat(files.Select(file => file + "\n")));
        foreach (var (file, golden) in new[]
                 {
                     ("site/index.html", "site-index.html"),
                     ("site/TSSA-2025-4/index.html", "site-TSSA-2025-4.html"),
                     ("site/feed.xml", "site-feed.xml"),
                     ("markdown/README.md", "markdown-README.md"),
                     ("markdown/TSSA-2025-4.md", "markdown-TSSA-2025-4.md"),
                     ("mail/TSSA-2025-4.txt", "mail-TSSA-2025-4.txt"),
                     ("site/security/index.html", "site-security.html"),
                     ("site/.well-known/security.txt", "site-security.txt"),
                     ("markdown/SECURITY.md", "markdown-SECURITY.md"),
                 })
            GoldenFile.Verify("Rendering/Golden/" + golden, File.ReadAllText(Path.Combine(root, file)));
    }
}
