using System.Text.Json;
using System.Text.Json.Nodes;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Rendering.Html;
using AdvisoryPipeline.Rendering.Presentation;
using YamlDotNet.RepresentationModel;

namespace AdvisoryPipeline.Tests.Rendering.Html;

/// <summary>
/// The example database in <c>advisories/</c>, as the renderer receives it. The records are read through a
/// plain YAML-to-JSON conversion (every scalar a string, which is all OSV records hold) until the
/// Authoring loader is on this branch; the rendering tests only need the records, not the loader's checks.
/// </summary>
public static class SampleDatabase
{
    /// <summary>A few days after the newest sample advisory changed, so the feed has a recent entry.</summary>
    public static readonly DateTimeOffset Now = new(2026, 9, 20, 12, 0, 0, TimeSpan.Zero);

    public static SiteSettings Settings { get; } = new(
        "Tessera Security Advisories",
        new Uri("https://security.tessera-project.org/"),
        new Uri("https://tessera-project.org/"),
        Now);

    public static string Folder => Path.Combine(SharedData.RepositoryRoot, "advisories");

    public static IReadOnlyList<AdvisoryView> Load() =>
        [.. Directory.EnumerateFiles(Folder, "*.yaml")
            .Where(f => Path.GetFileName(f) != "database.yaml")
            .Order(StringComparer.Ordinal)
            .Select(f => AdvisoryView.From(ReadRecord(f)))];

    private static OsvRecord ReadRecord(string path)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path)) yaml.Load(reader);
        var json = ToJson(yaml.Documents[0].RootNode)!.ToJsonString();
        return JsonSerializer.Deserialize(json, OsvJsonContext.Default.OsvRecord)
            ?? throw new InvalidDataException($"{path} holds no record.");
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(
            child => KeyValuePair.Create(((YamlScalarNode)child.Key).Value!, ToJson(child.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode { Value: "null" or "~" or "", Style: YamlDotNet.Core.ScalarStyle.Plain } => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidDataException($"Unexpected YAML node {node.NodeType} at {node.Start}."),
    };
}
