using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdvisoryPipeline.Cve.Services;

/// <summary>One CVE ID as CVE Services describes it (<c>GET /cve-id/{id}</c>, or one of those reserved).</summary>
public sealed record CveIdInfo
{
    [JsonPropertyName("cve_id")] public string CveId { get; init; } = "";
    [JsonPropertyName("cve_year")] public string? CveYear { get; init; }
    [JsonPropertyName("state")] public string State { get; init; } = "";
    [JsonPropertyName("owning_cna")] public string? OwningCna { get; init; }
}

/// <summary>The answer to <c>POST /cve-id</c>.</summary>
public sealed record ReservedCveIds
{
    [JsonPropertyName("cve_ids")] public IReadOnlyList<CveIdInfo> CveIds { get; init; } = [];
    [JsonPropertyName("meta")] public ReservationMeta? Meta { get; init; }
}

public sealed record ReservationMeta
{
    [JsonPropertyName("remaining_quota")] public int? RemainingQuota { get; init; }
}

/// <summary>CVE Services' error body: a code such as <c>EXCEEDED_ID_QUOTA</c> and a message.</summary>
internal sealed record CveServicesError
{
    [JsonPropertyName("error")] public string? Error { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }
}

/// <summary>The body of <c>POST/PUT /cve/{id}/cna</c> and of the reject requests.</summary>
internal sealed record CnaContainerBody
{
    [JsonPropertyName("cnaContainer")] public CnaContainer CnaContainer { get; init; } = new();
}

internal sealed record RejectedContainer
{
    [JsonPropertyName("providerMetadata")] public CveProviderMetadata? ProviderMetadata { get; init; }
    [JsonPropertyName("rejectedReasons")] public IReadOnlyList<CveDescription> RejectedReasons { get; init; } = [];
}

internal sealed record RejectBody
{
    [JsonPropertyName("cnaContainer")] public RejectedContainer CnaContainer { get; init; } = new();
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CveIdInfo))]
[JsonSerializable(typeof(ReservedCveIds))]
[JsonSerializable(typeof(CveServicesError))]
[JsonSerializable(typeof(CnaContainerBody))]
[JsonSerializable(typeof(RejectBody))]
[JsonSerializable(typeof(CveRecord))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class CveServicesJsonContext : JsonSerializerContext;
