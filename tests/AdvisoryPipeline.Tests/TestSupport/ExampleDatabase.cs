using System.Text.Json;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Tests.TestSupport;

/// <summary>
/// The Tessera example database in <c>advisories/</c>, loaded as the CLI loads it (the Authoring YAML
/// loader and <c>database.yaml</c>), as the renderers receive it.
/// </summary>
public static class ExampleDatabase
{
    private static readonly Lazy<IReadOnlyList<OsvRecord>> Records = new(LoadAll);
    private static readonly Lazy<RenderSettings> DatabaseSettings = new(LoadSettings);

    private static string Folder => Path.Combine(SharedData.RepositoryRoot, "advisories");

    public static IReadOnlyList<OsvRecord> All => Records.Value;

    /// <summary>Every sample's ID, for theories that run once per advisory.</summary>
    public static TheoryData<string> Ids => [.. All.Select(r => r.Id)];

    public static OsvRecord Record(string id) => All.Single(r => r.Id == id);

    public static AdvisoryView View(string id) => AdvisoryView.From(Record(id));

    public static IReadOnlyList<AdvisoryView> Views => [.. All.Select(AdvisoryView.From)];

    /// <summary>The settings of <c>advisories/database.yaml</c>.</summary>
    public static RenderSettings Settings => DatabaseSettings.Value;

    public static OsvRecord FromJson(string json) =>
        JsonSerializer.Deserialize(json, OsvJsonContext.Default.OsvRecord) ?? throw new InvalidDataException("null record");

    private static IReadOnlyList<OsvRecord> LoadAll() =>
        [.. Directory.GetFiles(Folder, "TSSA-*.yaml").Order(StringComparer.Ordinal).Select(Load)];

    private static OsvRecord Load(string path)
    {
        var document = AdvisoryYamlLoader.LoadFile(path);
        if (document.HasErrors || document.Record is not { } record)
            throw new InvalidDataException($"{path} does not load: {string.Join("; ", document.Findings.Select(f => f.Message))}");
        return record.Deserialize(OsvJsonContext.Default.OsvRecord) ?? throw new InvalidDataException(path + " is null");
    }

    private static RenderSettings LoadSettings()
    {
        var loaded = DatabaseConfigLoader.LoadFile(Path.Combine(Folder, DatabaseConfigLoader.FileName));
        if (loaded.Config is not { } config)
            throw new InvalidDataException($"database.yaml does not load: {string.Join("; ", loaded.Findings.Select(f => f.Message))}");
        return RenderSettings.From(config);
    }
}
