using System.Text.Json.Serialization;

namespace AdvisoryPipeline.Cve;

/// <summary>
/// A CVE record in the CVE JSON 5.1 format (https://github.com/CVEProject/cve-schema), as far as this tool writes
/// or reads it: the CNA container and the metadata around it. Properties are declared in the order the CVE
/// examples write them, which is the output order. Fields the tool does not model (ADP containers, impacts,
/// solutions, timelines...) are ignored when a record is read.
/// </summary>
public sealed record CveRecord
{
    public const string RecordDataType = "CVE_RECORD";
    public const string RecordDataVersion = "5.1";

    [JsonPropertyName("dataType")] public string DataType { get; init; } = RecordDataType;
    [JsonPropertyName("dataVersion")] public string DataVersion { get; init; } = RecordDataVersion;
    [JsonPropertyName("cveMetadata")] public CveMetadata CveMetadata { get; init; } = new();
    [JsonPropertyName("containers")] public CveContainers Containers { get; init; } = new();
}

/// <summary>The record's identity and state; <c>PUBLISHED</c> or <c>REJECTED</c>.</summary>
public sealed record CveMetadata
{
    [JsonPropertyName("cveId")] public string CveId { get; init; } = "";
    [JsonPropertyName("assignerOrgId")] public string AssignerOrgId { get; init; } = "";
    [JsonPropertyName("assignerShortName")] public string? AssignerShortName { get; init; }
    [JsonPropertyName("state")] public string State { get; init; } = "PUBLISHED";
    [JsonPropertyName("dateReserved")] public string? DateReserved { get; init; }
    [JsonPropertyName("datePublished")] public string? DatePublished { get; init; }
    [JsonPropertyName("dateUpdated")] public string? DateUpdated { get; init; }
}

public sealed record CveContainers
{
    [JsonPropertyName("cna")] public CnaContainer Cna { get; init; } = new();
}

/// <summary>
/// What the CNA says about the vulnerability: the part of the record a CNA writes and CVE Services accepts
/// (<c>POST/PUT /cve/{id}/cna</c> with <c>{"cnaContainer": ...}</c>).
/// </summary>
public sealed record CnaContainer
{
    [JsonPropertyName("providerMetadata")] public CveProviderMetadata ProviderMetadata { get; init; } = new();
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("datePublic")] public string? DatePublic { get; init; }
    [JsonPropertyName("problemTypes")] public IReadOnlyList<CveProblemType>? ProblemTypes { get; init; }
    [JsonPropertyName("affected")] public IReadOnlyList<CveProduct> Affected { get; init; } = [];
    [JsonPropertyName("descriptions")] public IReadOnlyList<CveDescription> Descriptions { get; init; } = [];
    [JsonPropertyName("metrics")] public IReadOnlyList<CveMetric>? Metrics { get; init; }
    [JsonPropertyName("credits")] public IReadOnlyList<CveCredit>? Credits { get; init; }
    [JsonPropertyName("references")] public IReadOnlyList<CveReference> References { get; init; } = [];
    [JsonPropertyName("x_generator")] public CveGenerator? Generator { get; init; }
}

/// <param name="DateUpdated">Set by CVE Services; never sent.</param>
public sealed record CveProviderMetadata
{
    [JsonPropertyName("orgId")] public string OrgId { get; init; } = "";
    [JsonPropertyName("shortName")] public string? ShortName { get; init; }
    [JsonPropertyName("dateUpdated")] public string? DateUpdated { get; init; }
}

public sealed record CveDescription
{
    [JsonPropertyName("lang")] public string Lang { get; init; } = "en";
    [JsonPropertyName("value")] public string Value { get; init; } = "";
}

public sealed record CveProblemType
{
    [JsonPropertyName("descriptions")] public IReadOnlyList<CveProblemTypeDescription> Descriptions { get; init; } = [];
}

public sealed record CveProblemTypeDescription
{
    [JsonPropertyName("lang")] public string Lang { get; init; } = "en";
    [JsonPropertyName("cweId")] public string? CweId { get; init; }
    [JsonPropertyName("description")] public string Description { get; init; } = "";
    [JsonPropertyName("type")] public string? Type { get; init; }
}

/// <summary>One affected product: vendor/product and/or collectionURL/packageName, with its versions.</summary>
public sealed record CveProduct
{
    [JsonPropertyName("vendor")] public string? Vendor { get; init; }
    [JsonPropertyName("product")] public string? Product { get; init; }
    [JsonPropertyName("collectionURL")] public string? CollectionUrl { get; init; }
    [JsonPropertyName("packageName")] public string? PackageName { get; init; }
    [JsonPropertyName("repo")] public string? Repo { get; init; }
    [JsonPropertyName("modules")] public IReadOnlyList<string>? Modules { get; init; }
    [JsonPropertyName("programRoutines")] public IReadOnlyList<CveProgramRoutine>? ProgramRoutines { get; init; }
    [JsonPropertyName("platforms")] public IReadOnlyList<string>? Platforms { get; init; }
    [JsonPropertyName("versions")] public IReadOnlyList<CveVersion>? Versions { get; init; }
    [JsonPropertyName("defaultStatus")] public string? DefaultStatus { get; init; }
}

public sealed record CveProgramRoutine
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
}

/// <summary>A version or a range <c>version &lt;= V &lt; lessThan</c> (or <c>&lt;= lessThanOrEqual</c>) with its status.</summary>
public sealed record CveVersion
{
    public const string Affected = "affected";
    public const string Unaffected = "unaffected";
    public const string Unknown = "unknown";

    [JsonPropertyName("version")] public string Version { get; init; } = "";
    [JsonPropertyName("status")] public string Status { get; init; } = Affected;
    [JsonPropertyName("lessThan")] public string? LessThan { get; init; }
    [JsonPropertyName("lessThanOrEqual")] public string? LessThanOrEqual { get; init; }
    [JsonPropertyName("versionType")] public string? VersionType { get; init; }
}

/// <summary>One set of scores; the tool writes CVSS v3.0, v3.1 and v4.0 (one per metric entry).</summary>
public sealed record CveMetric
{
    [JsonPropertyName("format")] public string? Format { get; init; }
    [JsonPropertyName("cvssV4_0")] public CveCvss? CvssV4_0 { get; init; }
    [JsonPropertyName("cvssV3_1")] public CveCvss? CvssV3_1 { get; init; }
    [JsonPropertyName("cvssV3_0")] public CveCvss? CvssV3_0 { get; init; }

    [JsonIgnore]
    public CveCvss? Cvss => CvssV4_0 ?? CvssV3_1 ?? CvssV3_0;
}

/// <summary>The fields of a CVSS object the schema requires: version, vector, base score and severity.</summary>
public sealed record CveCvss
{
    [JsonPropertyName("version")] public string Version { get; init; } = "";
    [JsonPropertyName("vectorString")] public string VectorString { get; init; } = "";
    [JsonPropertyName("baseScore")] public decimal BaseScore { get; init; }
    [JsonPropertyName("baseSeverity")] public string BaseSeverity { get; init; } = "";
}

/// <param name="Type">One of CVE's credit roles: finder, reporter, analyst, coordinator, remediation developer...</param>
public sealed record CveCredit
{
    [JsonPropertyName("lang")] public string Lang { get; init; } = "en";
    [JsonPropertyName("value")] public string Value { get; init; } = "";
    [JsonPropertyName("type")] public string? Type { get; init; }
}

public sealed record CveReference
{
    [JsonPropertyName("url")] public string Url { get; init; } = "";
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("tags")] public IReadOnlyList<string>? Tags { get; init; }
}

public sealed record CveGenerator
{
    [JsonPropertyName("engine")] public string Engine { get; init; } = "";
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CveRecord))]
[JsonSerializable(typeof(CnaContainer))]
internal sealed partial class CveJsonContext : JsonSerializerContext;
