using System.Text.Json.Serialization;

namespace AdvisoryPipeline.Loading;

/// <summary>Source-generated metadata of the authoring block, for the authoring schema.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(AuthoringBlock))]
internal sealed partial class AuthoringJsonContext : JsonSerializerContext;
