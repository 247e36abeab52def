




using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering.Html;

namespace AdvisoryPipeline.Tests.Rendering.Html;

/// <summary>The example database in <c>advisories/</c>, read by the product's loader, as the renderer receives it.</summary>
public static class SampleDatabase
{
    /// <summary>A few days after the newest sample advisory changed, so the feed has a recent entry.</summary>
    public static readonly DateTimeOffset Now = new(2026, 9, 20, 12, 0, 0, TimeSpan.Zero);

    public static string Folder => Path.Combine(SharedData.RepositoryRoot, "advisories");

    public static SiteSettings Settings { get; } = LoadSettings();

    public static IReadOnlyList<AdvisoryView> Load() =>
        [.. Directory.EnumerateFiles(Folder, "*.yaml")
            .Where(f => Path.GetFileName(f) != DatabaseConfigLoader.FileName)
            .Order(StringComparer.Ordinal)
            .Select(LoadFile)];

    public static AdvisoryView LoadFile(string path)
    {
        var document = AdvisoryYamlLoader.LoadFile(path);
        var record = LoadedAdvisory.From(document, out _)?.Record;
        return AdvisoryView.From(record ?? throw new InvalidDataException(
            $"{path} does not load: " + string.Join("; ", document.Findings.Select(f => f.Message))));
    }

    private static SiteSettings LoadSettings()
    {
        var loaded = DatabaseConfigLoader.LoadFile(Path.Combine(Folder, DatabaseConfigLoader.FileName));
        var config = loaded.Config ?? throw new InvalidDataException(
            "advisories/database.yaml does not load: " + string.Join("; ", loaded.Findings.Select(f => f.Message)));
        return SiteSettings.From(config, Now);
    }
}
