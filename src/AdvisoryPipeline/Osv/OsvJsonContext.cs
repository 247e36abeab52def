using System.Text.Json.Serialization;

namespace AdvisoryPipeline.Osv;

/// <summary>Source-generated (reflection-free) serialization of the OSV model.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n")]
[JsonSerializable(typeof(OsvRecord))]
[JsonSerializable(typeof(IReadOnlyList<OsvRecord>))]
public sealed partial class OsvJsonContext : JsonSerializerContext;
