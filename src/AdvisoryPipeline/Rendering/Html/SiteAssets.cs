namespace AdvisoryPipeline.Rendering.Html;

/// <summary>The stylesheets, the script and the icon that every rendered site carries, embedded in the assembly.</summary>
internal static class SiteAssets
{
    public const string Folder = "assets";
    public const string StylesheetPath = Folder + "/site.css";
    public const string ScriptPath = Folder + "/site.js";
    public const string FeedStylesheetPath = Folder + "/feed.css";
    public const string IconPath = Folder + "/favicon.svg";

    public static IEnumerable<(string Path, byte[] Bytes)> All() =>
        [(StylesheetPath, Read("site.css")), (ScriptPath, Read("site.js")), (FeedStylesheetPath, Read("feed.css")), (IconPath, Read("favicon.svg"))];

    private static byte[] Read(string name)
    {
        var resource = $"AdvisoryPipeline.Rendering.Html.Assets.{name}";
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
