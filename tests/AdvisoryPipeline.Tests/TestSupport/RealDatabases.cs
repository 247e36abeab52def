using System.Text.Json;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Tests.TestSupport;

/// <summary>
/// The real databases of ../shared/corpus as records, for rendering them as a new user would: the PyPA advisories
/// (983 YAML files), the same grown to the real database's 2,661 advisories, and the Go vulnerability database (4,291
/// OSV JSON files), each loaded by the product's loader once per test run.
/// </summary>
internal static class RealDatabases
{
    /// <summary>How many advisories the PyPA database holds (our copy has 983 of them).</summary>
    public const int PypaFullSize = 2661;

    private static readonly Lazy<IReadOnlyList<OsvRecord>> PypaRecords = new(LoadPypa);
    private static readonly Lazy<IReadOnlyList<OsvRecord>> GoRecords = new(LoadGo);

    /// <summary>The 983 advisories of the PyPA corpus, ordered by file path.</summary>
    public static IReadOnlyList<OsvRecord> Pypa => PypaRecords.Value;

    /// <summary>
    /// The PyPA corpus grown to <see cref="PypaFullSize"/>: the 983 records, then copies of them under new IDs
    /// (<c>PYSEC-COPY-N-…</c>) with their aliases left out, so that the copies are new advisories of the same shape.
    /// </summary>
    public static IReadOnlyList<OsvRecord> PypaAtFullSize =>
        [.. Pypa, .. Enumerable.Range(0, PypaFullSize - Pypa.Count).Select(i => Pypa[i % Pypa.Count] with
        {
            Id = $"PYSEC-COPY-{i / Pypa.Count + 1}-{Pypa[i % Pypa.Count].Id["PYSEC-".Length..]}",
            Aliases = null,
        })];

    /// <summary>The 4,291 records of the Go vulnerability database, ordered by file name.</summary>
    public static IReadOnlyList<OsvRecord> Go => GoRecords.Value;

    /// <summary>What <c>advisory render</c> uses for a folder without <c>database.yaml</c>: the built-in defaults.</summary>
    public static RenderSettings DefaultSettings { get; } = RenderSettings.From(DatabaseConfig.Defaults);

    private static IReadOnlyList<OsvRecord> LoadPypa() =>
        [.. Directory.GetFiles(SharedData.PathOf("corpus", "pypa"), "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => AdvisoryYamlLoader.LoadFile(path).Record?.Deserialize(OsvJsonContext.Default.OsvRecord)
                ?? throw new InvalidDataException(path + " does not load"))];

    private static IReadOnlyList<OsvRecord> LoadGo() =>
        [.. Directory.GetFiles(SharedData.PathOf("corpus", "go-vulndb"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => AdvisoryFileLoader.Load(path, File.ReadAllBytes(path)).Record?.Deserialize(OsvJsonContext.Default.OsvRecord)
                ?? throw new InvalidDataException(path + " does not load"))];
}
