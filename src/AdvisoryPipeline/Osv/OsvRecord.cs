using System.Text.Json;
using System.Text.Json.Serialization;
using AdvisoryPipeline.Osv.Ecosystems;

namespace AdvisoryPipeline.Osv;

/// <summary>
/// One OSV vulnerability record (https://ossf.github.io/osv-schema/), as published.
/// Properties are declared in the specification's order, which is also the canonical output order.
/// Timestamps stay strings: the author's RFC 3339 text is the record's truth, and re-formatting it
/// would change bytes that consumers compare. <see cref="OsvTimestamp"/> parses them.
/// </summary>
public sealed record OsvRecord
{
    [JsonPropertyName("schema_version")] public string? SchemaVersion { get; init; }
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("modified")] public string? Modified { get; init; }
    [JsonPropertyName("published")] public string? Published { get; init; }
    [JsonPropertyName("withdrawn")] public string? Withdrawn { get; init; }
    [JsonPropertyName("aliases")] public IReadOnlyList<string>? Aliases { get; init; }
    [JsonPropertyName("upstream")] public IReadOnlyList<string>? Upstream { get; init; }
    [JsonPropertyName("related")] public IReadOnlyList<string>? Related { get; init; }
    [JsonPropertyName("summary")] public string? Summary { get; init; }
    [JsonPropertyName("details")] public string? Details { get; init; }
    [JsonPropertyName("severity")] public IReadOnlyList<OsvSeverity>? Severity { get; init; }
    [JsonPropertyName("affected")] public IReadOnlyList<OsvAffected>? Affected { get; init; }
    [JsonPropertyName("references")] public IReadOnlyList<OsvReference>? References { get; init; }
    [JsonPropertyName("credits")] public IReadOnlyList<OsvCredit>? Credits { get; init; }
    [JsonPropertyName("database_specific")] public JsonElement? DatabaseSpecific { get; init; }

    [JsonIgnore]
    public bool IsWithdrawn => Withdrawn is not null;
}

/// <summary>A package (or a whole repository) that the vulnerability affects, and where.</summary>
public sealed record OsvAffected
{
    [JsonPropertyName("package")] public OsvPackage? Package { get; init; }
    [JsonPropertyName("severity")] public IReadOnlyList<OsvSeverity>? Severity { get; init; }
    [JsonPropertyName("ranges")] public IReadOnlyList<OsvRange>? Ranges { get; init; }
    [JsonPropertyName("versions")] public IReadOnlyList<string>? Versions { get; init; }
    [JsonPropertyName("ecosystem_specific")] public JsonElement? EcosystemSpecific { get; init; }
    [JsonPropertyName("database_specific")] public JsonElement? DatabaseSpecific { get; init; }
}

public sealed record OsvPackage
{
    [JsonPropertyName("ecosystem")] public string Ecosystem { get; init; } = "";
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("purl")] public string? Purl { get; init; }
}

/// <summary>A version range as a timeline of events; <see cref="Type"/> is GIT, SEMVER or ECOSYSTEM.</summary>
public sealed record OsvRange
{
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("repo")] public string? Repo { get; init; }
    [JsonPropertyName("events")] public IReadOnlyList<OsvEvent> Events { get; init; } = [];
    [JsonPropertyName("database_specific")] public JsonElement? DatabaseSpecific { get; init; }
}

/// <summary>One event of a range. Exactly one property is set in a valid record.</summary>
public sealed record OsvEvent
{
    [JsonPropertyName("introduced")] public string? Introduced { get; init; }
    [JsonPropertyName("fixed")] public string? Fixed { get; init; }
    [JsonPropertyName("last_affected")] public string? LastAffected { get; init; }
    [JsonPropertyName("limit")] public string? Limit { get; init; }

    [JsonIgnore]
    public OsvEventKind Kind =>
        Introduced is not null ? OsvEventKind.Introduced
        : Fixed is not null ? OsvEventKind.Fixed
        : LastAffected is not null ? OsvEventKind.LastAffected
        : OsvEventKind.Limit;

    [JsonIgnore]
    public string Version => Introduced ?? Fixed ?? LastAffected ?? Limit ?? "";
}

public enum OsvEventKind { Introduced, Fixed, LastAffected, Limit }

public sealed record OsvSeverity
{
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("score")] public string Score { get; init; } = "";
}

public sealed record OsvReference
{
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("url")] public string Url { get; init; } = "";
}

public sealed record OsvCredit
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("contact")] public IReadOnlyList<string>? Contact { get; init; }
    [JsonPropertyName("type")] public string? Type { get; init; }
}
