using System.Text.Json.Serialization;

namespace AdvisoryPipeline.Configuration;

/// <summary>
/// The database configuration, <c>advisories/database.yaml</c>. Keys are the snake_case names of the
/// parameters; a new key is a new parameter here (its type is checked from the serialization metadata) plus,
/// if its value has rules beyond its type, a line in <see cref="DatabaseConfigRules"/>. The records are
/// positional because the source generator keeps constructor defaults but drops initializers of init-only
/// properties (dotnet/runtime#84484); parameters without a default are required keys.
/// </summary>
/// <param name="Name">Human name of the database, shown in rendered pages and mails.</param>
/// <param name="IdPrefix">Prefix of the ids this database assigns (<c>TSSA</c> for TSSA-2024-001); null accepts any.</param>
/// <param name="Ecosystems">Ecosystems advisories may name; null allows every OSV ecosystem.</param>
/// <param name="Lint">Level per lint rule code, overriding the rule's own.</param>
/// <param name="Policy">The security policy: contacts, key, report template, handling (see <see cref="PolicyConfig"/>).</param>
/// <param name="Prenotify">Pre-notification lists by name (<c>distros</c>), for embargoed advisories.</param>
/// <param name="Chat">Chat channels that announce published advisories.</param>
/// <param name="Cna">The CVE Numbering Authority this database writes CVE records as; null: none are written.</param>
public sealed record DatabaseConfig(
    string Name,
    string? IdPrefix,
    string? HomeUrl = null,
    string? SiteUrl = null,
    MailingListConfig? MailingList = null,
    IReadOnlyList<string>? Ecosystems = null,
    IReadOnlyDictionary<string, LintLevel>? Lint = null,
    PublishConfig? Publish = null,
    PolicyConfig? Policy = null,
    IReadOnlyDictionary<string, PrenotifyListConfig>? Prenotify = null,
    ChatConfig? Chat = null,
    CnaConfig? Cna = null)
{
    /// <summary>Used when no configuration file is found: any id prefix is accepted.</summary>
    public static DatabaseConfig Defaults { get; } = new("Security advisories", IdPrefix: null);
}

/// <param name="Subject">Subject template; <c>{id}</c> and <c>{summary}</c> are replaced by the advisory's values.</param>
public sealed record MailingListConfig(
    string? To = null,
    string? From = null,
    string? ReplyTo = null,
    string Subject = MailingListConfig.DefaultSubject)
{
    public const string DefaultSubject = "[SECURITY] {id}: {summary}";
}

/// <param name="Targets">Where <c>advisory publish</c> writes, as <c>kind:where</c>, e.g. <c>dir:out/osv</c>.</param>
public sealed record PublishConfig(IReadOnlyList<string>? Targets = null)
{
    public IReadOnlyList<string> Targets { get; init; } = Targets ?? [];
}

/// <summary>The CNA side of the database: who writes the CVE records of its advisories, and where they go.</summary>
/// <param name="ShortName">The CNA's short name at CVE Services (the <c>CVE-API-ORG</c> header), e.g. <c>tessera</c>.</param>
/// <param name="OrgId">The CNA's organisation UUID, written as the record's <c>providerMetadata.orgId</c>.</param>
/// <param name="Environment">The CVE Services instance: <c>test</c> (the default, safe to try) or <c>production</c>.</param>
/// <param name="Vendor">The vendor named on every affected product; null names products by package only.</param>
/// <param name="Products">Per package (<c>ECOSYSTEM/NAME</c>, e.g. <c>PyPI/tessera-py</c>), the vendor and product where they differ.</param>
public sealed record CnaConfig(
    string ShortName,
    string OrgId,
    CveServicesEnvironment Environment = CveServicesEnvironment.Test,
    string? Vendor = null,
    IReadOnlyDictionary<string, CnaProductConfig>? Products = null);

/// <summary>How a package is named as a CVE product, where that differs from the package's own name.</summary>
public sealed record CnaProductConfig(string? Vendor = null, string? Product = null);

/// <summary>Which CVE Services instance CVE IDs are reserved and records published at.</summary>
public enum CveServicesEnvironment
{
    [JsonStringEnumMemberName("test")] Test,
    [JsonStringEnumMemberName("production")] Production,
}

/// <summary>What a lint rule's findings become; <see cref="Off"/> drops them.</summary>
public enum LintLevel
{
    [JsonStringEnumMemberName("off")] Off,
    [JsonStringEnumMemberName("info")] Info,
    [JsonStringEnumMemberName("warning")] Warning,
    [JsonStringEnumMemberName("error")] Error,
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(DatabaseConfig))]
internal sealed partial class DatabaseConfigJsonContext : JsonSerializerContext;
