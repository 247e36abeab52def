using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdvisoryPipeline.Cve;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Importing;

/// <summary>An imported record and what of the source could not be carried into it (one line each, for the authoring notes).</summary>
public sealed record ImportedRecord(OsvRecord Record, IReadOnlyList<string> Notes);

/// <summary>
/// The CVE→OSV direction of <see cref="CveRecordMapper"/>, through the same vocabulary (<see cref="CveVocabulary"/>):
/// the CVE ID as alias, title → summary, the English description → details, each product whose collection is an
/// OSV ecosystem (or whose versions are git commits) → a package with its ranges (ordinary and inverse version forms),
/// references with their types, credits with their roles, CWE problem types → <c>database_specific.cwe_ids</c>, CVSS
/// v3.x/v4.0 metrics → severity. What has no OSV form (other products, <c>changes</c>, unknown statuses, CVSS v2,
/// other descriptions) becomes a note.
/// </summary>
public static partial class CveRecordImport
{
    public static ImportedRecord Import(CveRecord cve, string id, DateTimeOffset now)
    {
        var notes = new List<string>();
        var cna = cve.Containers.Cna;
        if (cve.CveMetadata.State == "REJECTED")
            throw new ArgumentException($"{cve.CveMetadata.CveId} is rejected: a rejected CVE has nothing to import", nameof(cve));
        var english = cna.Descriptions.FirstOrDefault(d => d.Lang.StartsWith("en", StringComparison.OrdinalIgnoreCase));
        if (cna.Descriptions.Count > (english is null ? 0 : 1)) notes.Add("descriptions in other languages than English were not imported");
        var summary = cna.Title is { Length: > 0 } title ? title : FirstSentence(english?.Value);
        var timestamp = OsvTimestamp.FormatWholeSeconds(now);
        var published = ImportedTimestamp.Of(cve.CveMetadata.DatePublished) ?? ImportedTimestamp.Of(cna.DatePublic) ?? timestamp;

        var record = new OsvRecord
        {
            SchemaVersion = Lifecycle.NewAdvisoryTemplate.SchemaVersion,
            Id = id,
            Modified = timestamp,
            Published = published,
            Aliases = [cve.CveMetadata.CveId],
            Summary = summary,
            Details = english?.Value,
            Severity = SeverityOf(cna, notes) is { Count: > 0 } severity ? severity : null,
            Affected = [.. cna.Affected.Select(product => AffectedOf(product, notes)).OfType<OsvAffected>()],
            References = cna.References.Count > 0
                ? [.. cna.References.Select(r => new OsvReference { Type = CveVocabulary.ReferenceTypeOf(r.Tags), Url = r.Url })]
                : null,
            Credits = cna.Credits is { Count: > 0 } credits
                ? [.. credits.Select(c => new OsvCredit { Name = c.Value, Type = CveVocabulary.CreditTypeOf(c.Type) })]
                : null,
            DatabaseSpecific = CweIdsOf(cna) is { Count: > 0 } cwes
                ? JsonSerializer.SerializeToElement(new JsonObject { ["cwe_ids"] = new JsonArray([.. cwes.Select(c => (JsonNode)JsonValue.Create(c))]) }, ImportJsonContext.Default.JsonObject)
                : null,
        };
        if (record.Affected is { Count: 0 }) record = record with { Affected = null };
        return new ImportedRecord(record, [.. notes.Distinct(StringComparer.Ordinal)]);
    }


    private static string? FirstSentence(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var line = text.Trim().Split('\n')[0];
        var end = line.IndexOf(". ", StringComparison.Ordinal);
        line = end > 0 ? line[..end] : line.TrimEnd('.');
        return line.Length <= 120 ? line : line[..line.LastIndexOf(' ', 119)] + "…";
    }

    private static IReadOnlyList<string> CweIdsOf(CnaContainer cna) =>
        [.. (cna.ProblemTypes ?? []).SelectMany(p => p.Descriptions)
            .Select(d => d.CweId ?? (CweText().Match(d.Description) is { Success: true } match ? match.Value : null))
            .OfType<string>().Where(CweId.IsValid).Distinct(StringComparer.Ordinal)];

    private static List<OsvSeverity> SeverityOf(CnaContainer cna, List<string> notes)
    {
        var severities = new List<OsvSeverity>();
        foreach (var metric in cna.Metrics ?? [])
        {
            if (metric.CvssV3_1 is { } v31) severities.Add(new OsvSeverity { Type = "CVSS_V3", Score = v31.VectorString });
            else if (metric.CvssV3_0 is { } v30) severities.Add(new OsvSeverity { Type = "CVSS_V3", Score = v30.VectorString });
            if (metric.CvssV4_0 is { } v40) severities.Add(new OsvSeverity { Type = "CVSS_V4", Score = v40.VectorString });
            if (metric.Cvss is null) notes.Add("metrics other than CVSS v3.x and v4.0 (CVSS v2, SSVC, other formats) were not imported");
        }
        // Every distinct vector: a record's scenarios, or the per-package scores of an advisory written out by us.
        return [.. severities.DistinctBy(s => s.Score)];
    }

    /// <summary>A product as an OSV package, or null (with a note) when OSV has no name for it.</summary>
    private static OsvAffected? AffectedOf(CveProduct product, List<string> notes)
    {
        var ecosystem = CveVocabulary.EcosystemOf(product.CollectionUrl);
        var versions = product.Versions ?? [];
        var isGit = ecosystem is null && product.Repo is not null && versions.All(v => v.VersionType == "git");
        if (ecosystem is null && !isGit)
        {
            notes.Add($"the product {Describe(product)} has no package collection OSV knows (and no git versions): add its package by hand");
            return null;
        }
        var package = ecosystem is null
            ? new OsvPackage { Ecosystem = "GIT", Name = product.Repo! }
            : new OsvPackage { Ecosystem = ecosystem, Name = product.PackageName ?? product.Product ?? "", Purl = Purl.For(ecosystem, product.PackageName ?? "")?.ToString() };
        var ranges = new List<OsvRange>();
        var listed = new List<string>();
        foreach (var group in versions.GroupBy(v => v.VersionType ?? "", StringComparer.Ordinal))
        {
            var rangeType = CveVocabulary.RangeTypeOf(group.Key.Length == 0 ? null : group.Key, ecosystem);
            var events = product.DefaultStatus == CveVersion.Affected
                ? InverseEvents(group, notes)
                : OrdinaryEvents(group, listed, notes);
            if (events.Count > 0)
                ranges.Add(new OsvRange { Type = rangeType, Repo = rangeType == "GIT" ? product.Repo : null, Events = events });
        }
        // Every version affected: one range from the beginning, in the package's own kind of versions.
        if (versions.Count == 0 && product.DefaultStatus == CveVersion.Affected)
            ranges.Add(isGit
                ? new OsvRange { Type = "GIT", Repo = product.Repo, Events = [new OsvEvent { Introduced = "0" }] }
                : new OsvRange { Type = CveVocabulary.RangeTypeOf("semver", ecosystem), Events = [new OsvEvent { Introduced = "0" }] });
        if (ecosystem is not null && product.Repo is not null && ranges.All(r => r.Type != "GIT"))
            notes.Add($"the repository {product.Repo} of {package.Name} is not kept (OSV names it only in GIT ranges)");
        if (product.ProgramRoutines is { Count: > 0 } || product.Modules is { Count: > 0 } || product.Platforms is { Count: > 0 })
            notes.Add($"modules, program routines and platforms of {package.Name} were not imported");
        return new OsvAffected { Package = package, Ranges = ranges.Count > 0 ? ranges : null, Versions = listed.Count > 0 ? listed : null };
    }

    private static string Describe(CveProduct product) =>
        string.Join(" ", new[] { product.Vendor, product.Product ?? product.PackageName }.Where(s => s is { Length: > 0 }));

    /// <summary>Affected ranges as introduced/fixed (or last_affected) pairs; single affected versions go to <c>versions</c>.</summary>
    private static List<OsvEvent> OrdinaryEvents(IEnumerable<CveVersion> versions, List<string> listed, List<string> notes)
    {
        var events = new List<OsvEvent>();
        foreach (var version in versions)
        {
            if (version.Status != CveVersion.Affected)
            {
                if (version.Status != CveVersion.Unaffected) notes.Add($"versions of status {version.Status} were not imported");
                continue;
            }
            if (version.LessThan is null && version.LessThanOrEqual is null)
            {
                listed.Add(version.Version);
                continue;
            }
            events.Add(new OsvEvent { Introduced = version.Version });
            if (version.LessThanOrEqual is { } last) events.Add(new OsvEvent { LastAffected = last });
            else if (version.LessThan is { } fixedVersion && fixedVersion != "*") events.Add(new OsvEvent { Fixed = fixedVersion });
        }
        return events;
    }

    /// <summary>
    /// The inverse form (default affected, unaffected gaps): everything from "0" is affected, each gap
    /// <c>[a, b)</c> closes an interval with <c>fixed: a</c> and opens the next with <c>introduced: b</c>.
    /// </summary>
    private static List<OsvEvent> InverseEvents(IEnumerable<CveVersion> versions, List<string> notes)
    {
        var events = new List<OsvEvent> { new() { Introduced = "0" } };
        foreach (var version in versions)
        {
            if (version.Status != CveVersion.Unaffected || version.LessThan is null || version.LessThan == "*")
            {
                notes.Add("version entries other than unaffected ranges in a product that is affected by default were not imported");
                continue;
            }
            if (version.Version == "0" && events.Count == 1) events[0] = new OsvEvent { Introduced = version.LessThan };
            else
            {
                events.Add(new OsvEvent { Fixed = version.Version });
                events.Add(new OsvEvent { Introduced = version.LessThan });
            }
        }
        return events;
    }

    [GeneratedRegex(@"\bCWE-[0-9]{1,6}\b", RegexOptions.CultureInvariant)]
    private static partial Regex CweText();
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonObject))]
internal sealed partial class ImportJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
