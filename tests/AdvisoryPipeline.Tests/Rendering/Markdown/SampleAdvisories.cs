using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Rendering.Mail;
using AdvisoryPipeline.Rendering.Presentation;
using YamlDotNet.RepresentationModel;

namespace AdvisoryPipeline.Tests.Rendering.Markdown;

/// <summary>
/// The Tessera example database in <c>advisories/</c>, as the renderers receive it. Until the Authoring
/// loader lands, YAML is turned into JSON here with YamlDotNet's node model (the samples use only
/// strings, lists and mappings), then read through the product's own OSV JSON model.
/// </summary>
public static class SampleAdvisories
{
    private static readonly Lazy<IReadOnlyList<OsvRecord>> Records = new(LoadAll);

    public static IReadOnlyList<OsvRecord> All => Records.Value;

    /// <summary>Every sample's ID, for theories that run once per advisory.</summary>
    public static TheoryData<string> Ids => [.. All.Select(r => r.Id)];

    public static OsvRecord Record(string id) => All.Single(r => r.Id == id);

    public static AdvisoryView View(string id) => AdvisoryView.From(Record(id));

    public static IReadOnlyList<AdvisoryView> Views => [.. All.Select(AdvisoryView.From)];

    /// <summary>The settings database.yaml gives, mapped as the CLI maps them.</summary>
    public static RenderSettings Settings { get; } = new(
        "Tessera Security Advisories",
        new Uri("https://security.tessera-project.org/"),
        new Uri("https://tessera-project.org/"),
        new MailSettings(
            "tessera-security-announce@lists.tessera-project.org",
            "Tessera Security Team <security@tessera-project.org>",
            "security@tessera-project.org"))
    {
        IdPrefix = "TSSA",
    };

    public static OsvRecord FromJson(string json) =>
        JsonSerializer.Deserialize(json, OsvJsonContext.Default.OsvRecord) ?? throw new InvalidDataException("null record");

    private static IReadOnlyList<OsvRecord> LoadAll()
    {
        var folder = Path.Combine(SharedData.RepositoryRoot, "advisories");
        return [.. Directory.GetFiles(folder, "TSSA-*.yaml").Order(StringComparer.Ordinal).Select(Load)];
    }

    private static OsvRecord Load(string path)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path)) yaml.Load(reader);
        var json = ToJson(yaml.Documents[0].RootNode)?.ToJsonString() ?? throw new InvalidDataException(path + " is empty");
        return FromJson(json);
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "null" or "~" or "" } => null,
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar
            when decimal.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidDataException("Unsupported YAML node " + node.NodeType),
    };
}
