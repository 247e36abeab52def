using System.Text.Json;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Tests.TestSupport;

/// <summary>
/// The Tessera example database in <c>advisories/</c>, loaded by the product's own loader and <c>database.yaml</c>,
/// in the forms the stages receive it: records, views, render settings, publishable advisories. The one home of the
/// example database in the tests; advisories built in code come from <see cref="SampleAdvisories"/>.
/// </summary>
public static class ExampleDatabase
{
    /// <summary>A few days after the newest sample advisory changed, so that the site's feed has a recent entry.</summary>
    public static readonly DateTimeOffset SiteNow = new(2026, 9, 20, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<IReadOnlyList<OsvRecord>> Records = new(LoadAll);
    private static readonly Lazy<RenderSettings> DatabaseSettings = new(LoadSettings);

    public static string Folder => Path.Combine(SharedData.RepositoryRoot, DatabaseFiles.AdvisoryFolder);

    public static IReadOnlyList<OsvRecord> All => Records.Value;

    /// <summary>Every sample's ID, for theories that run once per advisory.</summary>
    public static TheoryData<string> Ids => [.. All.Select(r => r.Id)];

    public static OsvRecord Record(string id) => All.Single(r => r.Id == id);

    public static AdvisoryView View(string id) => AdvisoryView.From(Record(id));

    public static IReadOnlyList<AdvisoryView> Views => [.. All.Select(AdvisoryView.From)];

    /// <summary>The settings of <c>advisories/database.yaml</c>, with its policy and the policy's key.</summary>
    public static RenderSettings Settings => DatabaseSettings.Value;

    /// <summary>
    /// Copies the example's configuration into <paramref name="advisoryFolder"/> without its advisories:
    /// <c>database.yaml</c> and the key files its <c>policy:</c> and <c>prenotify:</c> blocks name.
    /// </summary>
    public static void CopyConfigurationTo(string advisoryFolder)
    {
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (AdvisoryFileDiscovery.IsAdvisoryFileName(name) || name.StartsWith('.')) continue;
            var copy = Path.Combine(advisoryFolder, Path.GetRelativePath(Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: true);
        }
        File.Copy(Path.Combine(Folder, DatabaseFiles.ConfigFile), Path.Combine(advisoryFolder, DatabaseFiles.ConfigFile), overwrite: true);
    }

    /// <summary>Every example advisory as validation hands it to publishing: the record and its file, relative to the repository.</summary>
    public static IReadOnlyList<PublishableAdvisory> Publishable =>
        [.. All.Select(record => new PublishableAdvisory(record, $"{DatabaseFiles.AdvisoryFolder}/{record.Id}.yaml"))];

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
        var path = Path.Combine(Folder, DatabaseFiles.ConfigFile);
        var loaded = DatabaseConfigLoader.LoadFile(path);
        if (loaded.Config is not { } config)
            throw new InvalidDataException($"database.yaml does not load: {string.Join("; ", loaded.Findings.Select(f => f.Message))}");
        // The policy's key as the validation reads it, at the moment the site tests render.
        var key = PolicyKeyCheck.Check(config, path, loaded.Map, SiteNow);
        if (key.Findings.Any(f => f.IsError))
            throw new InvalidDataException($"the policy key does not load: {string.Join("; ", key.Findings.Select(f => f.Message))}");
        return RenderSettings.From(config, key.Key);
    }
}
