using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering;
using AdvisoryPipeline.Rendering.Html;
using AdvisoryPipeline.Tests.TestSupport;
using Microsoft.Playwright;

namespace AdvisoryPipeline.Tests.Rendering.Html.Browser;

/// <summary>
/// What the browser tests share: the sample and the hostile database, and a part of two real databases (PyPA and
/// Go, enough for several list pages), rendered into a temporary folder by the real renderer and folder writer, one
/// headless Chromium (Debian's, driven by Playwright), and an HTTP server over the same folder. Playwright launches
/// Chromium with a fresh temporary profile of its own.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    // Chromium on this kind of machine runs as root in a container: no sandbox, no GPU, and nothing that
    // phones home (component updates, sync, QUIC probes) so that every request the tests see is the site's.
    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "advisory-site-browser-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;
    private StaticSiteServer? _server;

    public IBrowser Browser { get; private set; } = null!;

    public SiteUnderTest Sample { get; private set; } = null!;

    public SiteUnderTest Hostile { get; private set; } = null!;

    /// <summary>The first <see cref="RealAdvisories"/> advisories of the PyPA corpus (aiohttp's among them), with the default settings.</summary>
    public SiteUnderTest Pypa { get; private set; } = null!;

    /// <summary>The newest <see cref="RealAdvisories"/> advisories of the Go database and a few chosen ones, with the default settings.</summary>
    public SiteUnderTest Go { get; private set; } = null!;

    /// <summary>Enough for three list pages.</summary>
    public const int RealAdvisories = 220;

    /// <summary>Go advisories every run shows: two modules with many packages, one withdrawn, one with two fixed ranges.</summary>
    public static readonly string[] ChosenGoAdvisories = ["GO-2022-0229", "GO-2024-2715", "GO-2026-5764", "GO-2026-6115"];

    public Uri HttpBase => _server?.BaseUri ?? throw new InvalidOperationException("The HTTP server is not running.");

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>A copy of the screenshots outside the build output, where people look for them.</summary>
    public const string SharedScreenshotFolder = "/tmp/advisory-screenshots";

    public async Task InitializeAsync()
    {
        var chromium = ChromiumInstallation.EnsureInstalled();
        Sample = SiteUnderTest.Render("sample", ExampleDatabase.Views, ExampleDatabase.Settings, _root);
        Hostile = SiteUnderTest.Render("hostile", HostileDatabase.Create(), HostileDatabase.Settings, _root);
        Pypa = SiteUnderTest.Render("pypa", [.. RealDatabases.Pypa.Take(RealAdvisories).Select(AdvisoryView.From)], RealDatabases.DefaultSettings, _root);
        var go = RealDatabases.Go.TakeLast(RealAdvisories).Concat(RealDatabases.Go.Where(r => ChosenGoAdvisories.Contains(r.Id))).DistinctBy(r => r.Id);
        Go = SiteUnderTest.Render("go", [.. go.Select(AdvisoryView.From)], RealDatabases.DefaultSettings, _root);
        _server = await StaticSiteServer.StartAsync(_root);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArguments,
        });
        Directory.CreateDirectory(ScreenshotFolder);
        Directory.CreateDirectory(SharedScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    public string UrlOf(SiteUnderTest site, Transport transport, string path) =>
        transport == Transport.File ? site.FileUrl(path) : site.HttpUrl(HttpBase, path);

    /// <summary>Requests a page may make: files (from file://), or the test server's own origin.</summary>
    public Func<Uri, bool> IsLocal(Transport transport) => transport == Transport.File
        ? uri => uri.Scheme == Uri.UriSchemeFile
        : uri => uri.Scheme == Uri.UriSchemeHttp && uri.Host == HttpBase.Host && uri.Port == HttpBase.Port;

    /// <param name="fullPage">The whole page rather than the viewport; Chromium cannot do that for XML documents.</param>
    public async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        File.Copy(path, Path.Combine(SharedScreenshotFolder, name + ".png"), overwrite: true);
    }
}

/// <summary>How the browser reaches a site: opened from disk, or served over HTTP.</summary>
public enum Transport { File, Http }

/// <summary>A rendered site on disk: its folder, its files, and where it is reachable.</summary>
public sealed class SiteUnderTest
{
    private SiteUnderTest(string name, string folder, SiteContent content)
    {
        Name = name;
        Folder = folder;
        Content = content;
    }

    /// <summary>The site's folder name under the fixture's root, and its path on the HTTP server.</summary>
    public string Name { get; }

    public string Folder { get; }

    public SiteContent Content { get; }

    public IEnumerable<string> HtmlPages => Content.Files.Keys.Where(p => p.EndsWith(".html", StringComparison.Ordinal));

    public static SiteUnderTest Render(string name, IReadOnlyList<AdvisoryView> advisories, RenderSettings settings, string root)
    {
        var folder = Path.Combine(root, name);
        var result = HtmlSiteRenderer.Build(advisories, settings, ExampleDatabase.SiteNow, CanonicalOsvWriter.Write);
        var content = result.Content ?? throw new InvalidOperationException(
            $"The {name} site did not render: " + string.Join("; ", result.Findings.Select(f => f.Message)));
        GeneratedFolder.Replace(folder, content.Files);
        return new SiteUnderTest(name, folder, content);
    }

    public string FileUrl(string relativePath) => new Uri(Path.Combine(Folder, relativePath)).AbsoluteUri;

    public string HttpUrl(Uri httpBase, string relativePath) => new Uri(httpBase, $"{Name}/{relativePath}").AbsoluteUri;
}
