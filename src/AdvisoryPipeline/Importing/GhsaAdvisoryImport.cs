using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Osv.Identifiers;
using AdvisoryPipeline.Publishing.Ghsa;

namespace AdvisoryPipeline.Importing;

/// <summary>A re-import: the merged record, the new fingerprints, and the fields GitHub changed that were taken.</summary>
public sealed record GhsaMerge(OsvRecord Record, IReadOnlyDictionary<string, string> Fingerprints, IReadOnlyList<string> Taken, IReadOnlyList<string> Kept);

/// <summary>
/// A repository security advisory as an OSV record: the GHSA ID (and GitHub's CVE ID) as aliases, summary, description
/// as details, CVSS vectors as severity, each vulnerability as a package of its OSV ecosystem with its range
/// (GitHub's <c>&gt;= a, &lt; b</c>, <c>&lt;= c</c>, <c>= d</c> as events or versions, the patched version as the fix),
/// CWE IDs, credits as GitHub users, and the advisory's page as its ADVISORY reference. The fields listed in
/// <see cref="Fields"/> are GitHub's: a re-import takes GitHub's value of such a field only while the YAML still holds
/// what was imported last (its fingerprint in the pipeline block), so a maintainer's edit is never overwritten.
/// </summary>
internal static class GhsaAdvisoryImport
{
    /// <summary>The fields GitHub owns, as named in the fingerprints.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["summary", "details", "severity", "affected", "credits", "cwe_ids", "references"];

    public static ImportedRecord Import(GhsaAdvisoryJson advisory, string id, DateTimeOffset now)
    {
        var notes = new List<string>();
        var timestamp = OsvTimestamp.FormatWholeSeconds(now);
        var aliases = new List<string> { advisory.GhsaId! };
        if (advisory.CveId is { Length: > 0 } cve && CveId.IsValid(cve)) aliases.Add(cve);
        string?[] vectors = [advisory.CvssSeverities?.CvssV3?.VectorString ?? advisory.Cvss?.VectorString, advisory.CvssSeverities?.CvssV4?.VectorString];
        var published = ImportedTimestamp.Of(advisory.PublishedAt) ?? ImportedTimestamp.Of(advisory.CreatedAt) ?? timestamp;
        var updated = ImportedTimestamp.Of(advisory.UpdatedAt) ?? timestamp;
        var record = new OsvRecord
        {
            SchemaVersion = Lifecycle.NewAdvisoryTemplate.SchemaVersion,
            Id = id,
            // The same format on both sides: the later text is the later instant.
            Modified = string.CompareOrdinal(updated, published) < 0 ? published : updated,
            Published = published,
            Withdrawn = advisory.State == "withdrawn" ? ImportedTimestamp.Of(advisory.UpdatedAt) ?? timestamp : null,
            Aliases = aliases,
            Summary = advisory.Summary,
            Details = string.IsNullOrWhiteSpace(advisory.Description) ? null : GhsaAdvisory.NormaliseText(advisory.Description) + "\n",
            Severity = vectors.OfType<string>().Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)
                .Select(v => new OsvSeverity { Type = v.StartsWith("CVSS:4", StringComparison.Ordinal) ? "CVSS_V4" : "CVSS_V3", Score = v }).ToList() is { Count: > 0 } s ? s : null,
            Affected = (advisory.Vulnerabilities ?? []).Select(v => AffectedOf(v, notes)).OfType<OsvAffected>().ToList() is { Count: > 0 } a ? a : null,
            References = advisory.HtmlUrl is { Length: > 0 } url ? [new OsvReference { Type = "ADVISORY", Url = url }] : null,
            Credits = (advisory.Credits ?? []).Where(c => c.Login is { Length: > 0 })
                .Select(c => new OsvCredit { Name = c.Login!, Type = (c.Type ?? "other").ToUpperInvariant(), Contact = [$"https://github.com/{c.Login}"] }).ToList() is { Count: > 0 } c ? c : null,
            DatabaseSpecific = advisory.CweIds is { Count: > 0 } cwes
                ? JsonSerializer.SerializeToElement(new JsonObject { ["cwe_ids"] = new JsonArray([.. cwes.Select(x => (JsonNode)JsonValue.Create(x))]) }, ImportJsonContext.Default.JsonObject)
                : null,
        };
        return new ImportedRecord(record, [.. notes.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>The fingerprint of each GitHub-owned field of <paramref name="record"/>.</summary>
    public static IReadOnlyDictionary<string, string> Fingerprints(OsvRecord record) =>
        Fields.ToDictionary(field => field, field => Fingerprint(ValueOf(record, field)), StringComparer.Ordinal);

    /// <summary>
    /// GitHub's new values taken into the YAML's record, field by field: taken when the YAML still holds what was imported
    /// last (same fingerprint); kept when a maintainer changed it. GitHub's CVE ID is added to the aliases when missing.
    /// </summary>
    public static GhsaMerge Merge(OsvRecord yaml, IReadOnlyDictionary<string, string>? imported, OsvRecord fromGitHub)
    {
        var merged = yaml;
        var taken = new List<string>();
        var kept = new List<string>();
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            var current = Fingerprint(ValueOf(yaml, field));
            var incoming = Fingerprint(ValueOf(fromGitHub, field));
            var untouched = imported is not null && imported.TryGetValue(field, out var last) && last == current;
            if (incoming == current)
            {
                fingerprints[field] = incoming;
            }
            else if (untouched)
            {
                merged = WithValue(merged, fromGitHub, field);
                fingerprints[field] = incoming;
                taken.Add(field);
            }
            else
            {
                // A maintainer's value stays, and so does the fingerprint of what was imported: until GitHub changes again.
                fingerprints[field] = imported?.GetValueOrDefault(field) ?? incoming;
                kept.Add(field);
            }
        }
        var cves = (fromGitHub.Aliases ?? []).Where(alias => CveId.IsValid(alias)).Except(merged.Aliases ?? [], StringComparer.Ordinal).ToList();
        if (cves.Count > 0)
        {
            merged = merged with { Aliases = [.. merged.Aliases ?? [], .. cves] };
            taken.Add("aliases");
        }
        if (taken.Count > 0 && fromGitHub.Modified is { } modified) merged = merged with { Modified = modified };
        return new GhsaMerge(merged, fingerprints, taken, kept);
    }

    private static object? ValueOf(OsvRecord record, string field) => field switch
    {
        "summary" => record.Summary,
        "details" => record.Details?.TrimEnd(),
        "severity" => record.Severity,
        "affected" => record.Affected,
        "credits" => record.Credits,
        "cwe_ids" => Presentation.AdvisoryView.CweIdsOf(record.DatabaseSpecific),
        "references" => record.References,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a field GitHub owns."),
    };

    private static OsvRecord WithValue(OsvRecord target, OsvRecord source, string field) => field switch
    {
        "summary" => target with { Summary = source.Summary },
        "details" => target with { Details = source.Details },
        "severity" => target with { Severity = source.Severity },
        "affected" => target with { Affected = source.Affected },
        "credits" => target with { Credits = source.Credits },
        "cwe_ids" => target with { DatabaseSpecific = source.DatabaseSpecific },
        "references" => target with { References = source.References },
        _ => target,
    };

    /// <summary>SHA-256 (first 16 hex digits) of the field's canonical JSON: short, stable, and shows nothing of the value.</summary>
    private static string Fingerprint(object? value)
    {
        var json = value switch
        {
            null => "null",
            string text => JsonSerializer.Serialize(text, OsvJsonContext.Default.String),
            IReadOnlyList<OsvSeverity> list => JsonSerializer.Serialize(list, OsvJsonContext.Default.IReadOnlyListOsvSeverity),
            IReadOnlyList<OsvAffected> list => JsonSerializer.Serialize(list, OsvJsonContext.Default.IReadOnlyListOsvAffected),
            IReadOnlyList<OsvCredit> list => JsonSerializer.Serialize(list, OsvJsonContext.Default.IReadOnlyListOsvCredit),
            IReadOnlyList<OsvReference> list => JsonSerializer.Serialize(list, OsvJsonContext.Default.IReadOnlyListOsvReference),
            IReadOnlyList<string> list => JsonSerializer.Serialize(list, OsvJsonContext.Default.IReadOnlyListString),
            _ => throw new ArgumentException("Unexpected field value.", nameof(value)),
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16];
    }


    private static OsvAffected? AffectedOf(GhsaVulnerabilityJson vulnerability, List<string> notes)
    {
        if (vulnerability.Package?.Ecosystem is not { } ghsaEcosystem || vulnerability.Package.Name is not { Length: > 0 } name) return null;
        if (GhsaEcosystems.OsvOf(ghsaEcosystem) is not { } ecosystem)
        {
            notes.Add($"{ghsaEcosystem} packages have no OSV ecosystem: {name} was not imported");
            return null;
        }
        var versions = new List<string>();
        var events = new List<OsvEvent>();
        var introduced = "0";
        string? fixedVersion = null, lastAffected = null;
        foreach (var part in (vulnerability.VulnerableVersionRange ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith(">=", StringComparison.Ordinal)) introduced = part[2..].Trim();
            else if (part.StartsWith("<=", StringComparison.Ordinal)) lastAffected = part[2..].Trim();
            else if (part.StartsWith('<')) fixedVersion = part[1..].Trim();
            else if (part.StartsWith('=')) versions.Add(part[1..].Trim());
            else notes.Add($"the version range \"{vulnerability.VulnerableVersionRange}\" of {name} was not understood: check its ranges");
        }
        fixedVersion ??= vulnerability.PatchedVersions is { Length: > 0 } patched && !patched.Contains(',') ? patched.Trim() : null;
        if (versions.Count == 0)
        {
            events.Add(new OsvEvent { Introduced = introduced });
            if (fixedVersion is not null) events.Add(new OsvEvent { Fixed = fixedVersion });
            else if (lastAffected is not null) events.Add(new OsvEvent { LastAffected = lastAffected });
        }
        var rangeType = Ecosystem.BaseName(ecosystem) is "npm" or "crates.io" or "Go" or "Hex" or "Pub" ? "SEMVER" : "ECOSYSTEM";
        return new OsvAffected
        {
            Package = new OsvPackage { Ecosystem = ecosystem, Name = name, Purl = Purl.For(ecosystem, name)?.ToString() },
            Ranges = events.Count > 0 ? [new OsvRange { Type = rangeType, Events = events }] : null,
            Versions = versions.Count > 0 ? versions : null,
        };
    }
}
