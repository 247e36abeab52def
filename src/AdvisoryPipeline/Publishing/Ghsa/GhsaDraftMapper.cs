using System.Text.Json;
using System.Text.RegularExpressions;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Osv.Identifiers;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Publishing.Ghsa;

/// <summary>The draft of one record and what of the record it could not carry.</summary>
internal sealed record GhsaMapping(GhsaDraftContent Content, IReadOnlyList<GhsaNote> Notes);

/// <summary>
/// Something a publish could not do as the record says, about <paramref name="Subject"/> (a record, or an
/// advisory). The text names the kind without the subject, so that alike notes can be told once for many.
/// </summary>
internal sealed record GhsaNote(string Subject, string Text)
{
    public override string ToString() => $"{Subject}: {Text}";
}

/// <summary>
/// Turns a planned OSV record into the content of its draft:
/// <list type="bullet">
/// <item><c>summary</c>: the record's summary, else the first line of its details (one line, 1,024 characters at most);</item>
/// <item><c>description</c>: the details, the references, and the marker with the ledger entry (<see cref="GhsaText"/>);</item>
/// <item><c>cve_id</c>: the first alias that is a CVE ID (GitHub takes one); <c>cwe_ids</c>: <c>database_specific.cwe_ids</c>;</item>
/// <item><c>cvss_vector_string</c>: the first valid CVSS v3 vector of the record or its packages, else the first CVSS v4.0
/// one (GitHub takes one vector of either version, and derives the severity from it);</item>
/// <item><c>vulnerabilities</c>: per package of an ecosystem GitHub knows, one entry per interval of each SEMVER or
/// ECOSYSTEM range (GitHub's range syntax has no "or"), else one per listed version, else one without versions;
/// <c>vulnerable_functions</c> from <c>ecosystem_specific.affected_functions</c> or Go's <c>imports[].symbols</c>;</item>
/// <item><c>state</c>: closed for a withdrawn record, else draft.</item>
/// </list>
/// GIT ranges (GitHub has no commit ranges), packages of other ecosystems, extra CVE IDs and malformed CWE IDs are
/// left out, each with a note.
/// </summary>
internal static partial class GhsaDraftMapper
{
    public static GhsaMapping Map(PlannedAdvisory entry)
    {
        var record = entry.Record ?? throw new ArgumentException($"{entry.Id} is held: it has no content.", nameof(entry));
        var view = AdvisoryView.From(record);
        var notes = new List<GhsaNote>();
        var marker = new GhsaMarker(record.Id, GhsaLedgerEntry.Of(entry)).Format();

        var summary = GhsaText.Summary(view.SummaryLine, out var summaryCut);
        if (summaryCut)
            notes.Add(new(record.Id, $"summary cut to GitHub's {GhsaText.MaxSummaryLength} characters"));
        var body = string.IsNullOrWhiteSpace(record.Details) ? summary : record.Details;
        var description = GhsaText.Description(record.Id, body, [.. view.References.Select(reference => reference.Url).Distinct(StringComparer.Ordinal)], marker, out var descriptionCut);
        if (descriptionCut)
            notes.Add(new(record.Id, $"description cut to GitHub's {GhsaText.MaxDescriptionBytes} bytes"));

        var content = new GhsaDraftContent(
            summary,
            description,
            CveOf(record, notes),
            CweIdsOf(view, notes),
            CvssVectorOf(view, notes),
            VulnerabilitiesOf(record, view, notes),
            record.IsWithdrawn,
            CreditsOf(record, notes));
        if (content.Vulnerabilities.Count == 0)
            notes.Add(new(record.Id, "no package in an ecosystem GitHub knows: add the product on GitHub before publishing"));
        return new GhsaMapping(content, [.. notes.Distinct()]);
    }

    /// <summary>
    /// The credits GitHub can carry: those with a GitHub profile among their contacts (<c>https://github.com/LOGIN</c>),
    /// as <c>{login, type}</c> with OSV's type in GitHub's spelling; the others are a note (add them on GitHub).
    /// </summary>
    private static IReadOnlyList<GhsaCreditJson> CreditsOf(OsvRecord record, List<GhsaNote> notes)
    {
        var credits = new List<GhsaCreditJson>();
        foreach (var credit in record.Credits ?? [])
        {
            var login = (credit.Contact ?? []).Select(contact => GitHubProfile().Match(contact)).FirstOrDefault(match => match.Success)?.Groups[1].Value;
            if (login is null)
            {
                notes.Add(new(record.Id, "credits without a GitHub profile among their contacts not sent (GitHub credits name GitHub users): add them on GitHub"));
                continue;
            }
            credits.Add(new GhsaCreditJson(login, (credit.Type ?? "OTHER").ToLowerInvariant()));
        }
        return [.. credits.DistinctBy(credit => credit.Login!.ToLowerInvariant() + "\u001f" + credit.Type)];
    }

    [GeneratedRegex("^https://github\\.com/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/?$", RegexOptions.CultureInvariant)]
    private static partial Regex GitHubProfile();

    private static string? CveOf(OsvRecord record, List<GhsaNote> notes)
    {
        var cves = (record.Aliases ?? []).Where(alias => CveId.IsValid(alias)).Distinct(StringComparer.Ordinal).ToList();
        if (cves.Count > 1)
            notes.Add(new(record.Id, "more than one CVE ID: only the first was sent (GitHub takes one)"));
        return cves.FirstOrDefault();
    }

    private static IReadOnlyList<string> CweIdsOf(AdvisoryView view, List<GhsaNote> notes)
    {
        if (view.CweIds.Any(id => !CweId.IsValid(id)))
            notes.Add(new(view.Id, "CWE IDs not of the form CWE-<number> were not sent"));
        return [.. view.CweIds.Where(CweId.IsValid).Distinct(StringComparer.Ordinal)];
    }

    private static string? CvssVectorOf(AdvisoryView view, List<GhsaNote> notes)
    {
        var severities = view.Severities.Concat(view.Affected.SelectMany(package => package.Severities)).ToList();
        var chosen = severities.FirstOrDefault(severity => severity.Type == "CVSS_V3" && severity.Score is not null)
            ?? severities.FirstOrDefault(severity => severity.Type == "CVSS_V4" && severity.Score is not null);
        if (chosen is null && severities.Count > 0)
            notes.Add(new(view.Id, "no valid CVSS v3 or v4.0 vector: no severity sent"));
        return chosen?.Vector;
    }

    private static IReadOnlyList<GhsaVulnerability> VulnerabilitiesOf(OsvRecord record, AdvisoryView view, List<GhsaNote> notes)
    {
        var entries = new List<GhsaVulnerability>();
        var affected = record.Affected ?? [];
        for (var i = 0; i < affected.Count; i++)
        {
            var package = view.Affected[i];
            if (package.Ranges.Any(range => range.IsGit))
                notes.Add(new(record.Id, "GIT ranges not sent (GitHub has no commit ranges)"));
            if (package.Package.Length == 0)
                continue;
            if (GhsaEcosystems.Of(package.Ecosystem) is not { } ecosystem)
            {
                notes.Add(new(record.Id, $"{Ecosystem.BaseName(package.Ecosystem)} packages not sent (GitHub has no such ecosystem)"));
                continue;
            }
            var functions = FunctionsOf(affected[i].EcosystemSpecific);
            var intervals = package.Ranges.Where(range => !range.IsGit).SelectMany(range => range.Intervals).ToList();
            if (intervals.Count > 0)
                entries.AddRange(intervals.Select(interval => new GhsaVulnerability(ecosystem, package.Package, GhsaVersionRange.Of(interval), interval.Fixed, functions)));
            else if (package.ExplicitVersions.Count > 0)
                entries.AddRange(package.ExplicitVersions.Select(version => new GhsaVulnerability(ecosystem, package.Package, GhsaVersionRange.Exactly(version), null, functions)));
            else
                entries.Add(new GhsaVulnerability(ecosystem, package.Package, null, null, functions));
        }
        return [.. entries.DistinctBy(entry => entry.ComparisonKey)];
    }

    /// <summary>
    /// The affected functions: <c>affected_functions</c> (GitHub's own OSV export and PyPA write it), or Go's
    /// <c>imports</c>, each symbol qualified by its package path as GitHub writes Go functions.
    /// </summary>
    private static IReadOnlyList<string> FunctionsOf(JsonElement? ecosystemSpecific)
    {
        if (ecosystemSpecific is not { ValueKind: JsonValueKind.Object } specific)
            return [];
        if (specific.TryGetProperty("affected_functions", out var functions) && functions.ValueKind == JsonValueKind.Array)
            return [.. Strings(functions).Distinct(StringComparer.Ordinal)];
        if (!specific.TryGetProperty("imports", out var imports) || imports.ValueKind != JsonValueKind.Array)
            return [];
        return [.. imports.EnumerateArray()
            .Where(import => import.ValueKind == JsonValueKind.Object
                && import.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.String
                && import.TryGetProperty("symbols", out var symbols) && symbols.ValueKind == JsonValueKind.Array)
            .SelectMany(import => Strings(import.GetProperty("symbols")).Select(symbol => $"{import.GetProperty("path").GetString()}.{symbol}"))
            .Distinct(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Strings(JsonElement array) =>
        array.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!).Where(text => text.Length > 0);
}
