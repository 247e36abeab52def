using System.Globalization;
using System.Text;
using System.Text.Json;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Cvss;
using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Osv.Identifiers;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering.Mail;

namespace AdvisoryPipeline.Cve;

/// <summary>The CVE record of an advisory, and what of the advisory it could not carry (one line each).</summary>
public sealed record CveMapping(CveRecord Record, IReadOnlyList<string> Notes);

/// <summary>What the record of one advisory is written from, beside the advisory itself.</summary>
/// <param name="CveId">The CVE ID the record is for: the advisory's CVE alias.</param>
/// <param name="AdvisoryUrl">The advisory's own page, added as a vendor advisory reference; null when the database has no site.</param>
/// <param name="ExtraCweIds">CWE IDs from the authoring block, besides <c>database_specific.cwe_ids</c>.</param>
public sealed record CveRecordRequest(string CveId, CnaConfig Cna, string? AdvisoryUrl, IReadOnlyList<string> ExtraCweIds);

/// <summary>
/// The one conversion of an OSV advisory into the CNA container of its CVE JSON 5.1 record, following the CVE
/// schema's product and version guidance and the way the Go CNA writes its records:
/// <list type="bullet">
/// <item><c>title</c> ← summary (256 characters at most); <c>descriptions[en]</c> ← details as plain text (4,096 at most), else the summary;</item>
/// <item><c>affected</c> ← one product per OSV package: <c>collectionURL</c> + <c>packageName</c> for registry packages,
/// <c>repo</c> for GIT ranges, <c>vendor</c>/<c>product</c> from the configuration (default: the package name),
/// <c>programRoutines</c> from Go's <c>imports[].symbols</c> or <c>affected_functions</c>;</item>
/// <item><c>versions</c> ← each interval as <c>{version: introduced or "0", lessThan: fixed}</c> or
/// <c>lessThanOrEqual: last_affected</c>, <c>defaultStatus: unaffected</c>; when the last interval is still open
/// (nothing fixed yet) the inverse form: <c>defaultStatus: affected</c> and the gaps as unaffected ranges;
/// explicit <c>versions</c> only when there is no range;</item>
/// <item><c>problemTypes</c> ← CWE IDs; <c>metrics</c> ← CVSS v3.0/v3.1/v4.0 vectors, scored; <c>credits</c> ← credits
/// with CVE's role names; <c>references</c> ← references tagged (FIX → patch, ADVISORY → vendor-advisory, ...) and the
/// advisory's own page; <c>datePublic</c> ← published.</item>
/// </list>
/// </summary>
public static class CveRecordMapper
{
    public const int MaxDescriptionLength = 4096;
    public const int MaxTitleLength = 256;

    /// <summary>The engine named in <c>x_generator</c>; no version, so that the record does not change with the tool.</summary>
    public const string Engine = "advisory-pipeline";

    public static CveMapping Map(OsvRecord record, CveRecordRequest request)
    {
        var notes = new List<string>();
        var cna = request.Cna;
        var container = new CnaContainer
        {
            ProviderMetadata = new CveProviderMetadata { OrgId = cna.OrgId, ShortName = cna.ShortName },
            Title = TitleOf(record, notes),
            DatePublic = DatePublicOf(record),
            ProblemTypes = ProblemTypesOf(record, request.ExtraCweIds, notes),
            Affected = [.. (record.Affected ?? []).Select(affected => ProductOf(affected, cna, notes))],
            Descriptions = DescriptionOf(record, notes) is { } description ? [description] : [],
            Metrics = MetricsOf(record, notes),
            Credits = CreditsOf(record),
            References = ReferencesOf(record, request.AdvisoryUrl),
            Generator = new CveGenerator { Engine = Engine },
        };
        var cveRecord = new CveRecord
        {
            CveMetadata = new CveMetadata { CveId = request.CveId, AssignerOrgId = cna.OrgId, AssignerShortName = cna.ShortName, State = "PUBLISHED" },
            Containers = new CveContainers { Cna = container },
        };
        return new CveMapping(cveRecord, [.. notes.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// <c>published</c>, when it is a real date: CVE timestamps run from 1900 to 2999, and some databases write
    /// the year 1 for "unknown" (the Go database's 0001-01-01).
    /// </summary>
    private static string? DatePublicOf(OsvRecord record) =>
        OsvTimestamp.TryParse(record.Published, out var published) && published.UtcDateTime.Year is >= 1900 and <= 2999
            ? OsvTimestamp.FormatWholeSeconds(published)
            : null;

    /// <summary>The plain text of Markdown details, unwrapped: paragraphs separated by a blank line.</summary>
    public static string PlainText(string markdown) =>
        string.Join("\n", MarkdownPlainTextRenderer.Render(markdown, int.MaxValue / 2)).Trim();

    private static string? TitleOf(OsvRecord record, List<string> notes)
    {
        if (string.IsNullOrWhiteSpace(record.Summary)) return null;
        var title = string.Join(' ', record.Summary.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        if (title.Length <= MaxTitleLength) return title;
        notes.Add($"summary cut to the CVE title's {MaxTitleLength} characters");
        return Shorten(title, MaxTitleLength);
    }

    private static CveDescription? DescriptionOf(OsvRecord record, List<string> notes)
    {
        var text = !string.IsNullOrWhiteSpace(record.Details) ? PlainText(record.Details)
            : !string.IsNullOrWhiteSpace(record.Summary) ? record.Summary.Trim()
            : "";
        if (text.Length == 0) return null;
        if (text.Length > MaxDescriptionLength)
        {
            notes.Add($"details cut to the CVE description's {MaxDescriptionLength} characters");
            text = Shorten(text, MaxDescriptionLength);
        }
        return new CveDescription { Lang = "en", Value = text };
    }

    /// <summary>Cut at the last space that leaves room for an ellipsis, never inside a surrogate pair.</summary>
    private static string Shorten(string text, int max)
    {
        var cut = text.LastIndexOf(' ', max - 2);
        if (cut < max / 2) cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut].TrimEnd() + "…";
    }

    private static IReadOnlyList<CveProblemType>? ProblemTypesOf(OsvRecord record, IReadOnlyList<string> extra, List<string> notes)
    {
        var ids = AdvisoryView.CweIdsOf(record.DatabaseSpecific).Concat(extra).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Any(id => !CweId.IsValid(id)))
            notes.Add("CWE IDs not of the form CWE-<number> were left out");
        var valid = ids.Where(CweId.IsValid).ToList();
        if (valid.Count == 0) return null;
        return [new CveProblemType
        {
            Descriptions = [.. valid.Select(id => new CveProblemTypeDescription { Lang = "en", CweId = id, Description = id, Type = "CWE" })],
        }];
    }

    private static CveProduct ProductOf(OsvAffected affected, CnaConfig cna, List<string> notes)
    {
        var ecosystem = affected.Package?.Ecosystem ?? "";
        var name = affected.Package?.Name ?? "";
        var ranges = affected.Ranges ?? [];
        var gitRepo = ranges.FirstOrDefault(range => range.Type == "GIT" && range.Repo is not null)?.Repo
            ?? (Ecosystem.BaseName(ecosystem) == "GIT" ? name : null);
        var collection = CveVocabulary.CollectionUrlOf(ecosystem);
        var configured = cna.Products?.GetValueOrDefault(ecosystem + "/" + name);
        var vendor = configured?.Vendor ?? cna.Vendor;
        var product = configured?.Product ?? (Ecosystem.BaseName(ecosystem) == "GIT" ? RepositoryName(name) : name);
        if (collection is null && vendor is null && name.Length > 0)
            vendor = Ecosystem.BaseName(ecosystem) == "GIT" ? RepositoryOwner(name) : Ecosystem.BaseName(ecosystem);
        if (collection is null && Ecosystem.BaseName(ecosystem) is not ("GIT" or ""))
            notes.Add($"{Ecosystem.BaseName(ecosystem)} has no package collection known to CVE: its packages are named by vendor and product only");

        var (versions, defaultStatus) = VersionsOf(affected, ecosystem, notes);
        return new CveProduct
        {
            Vendor = vendor,
            Product = product.Length > 0 ? product : null,
            CollectionUrl = collection is not null && name.Length > 0 ? collection : null,
            PackageName = collection is not null && name.Length > 0 ? name : null,
            Repo = gitRepo,
            ProgramRoutines = RoutinesOf(affected.EcosystemSpecific) is { Count: > 0 } routines ? routines : null,
            Versions = versions.Count > 0 ? versions : null,
            DefaultStatus = defaultStatus,
        };
    }

    private static string RepositoryName(string url) => url.TrimEnd('/').Split('/')[^1] is var last && last.EndsWith(".git", StringComparison.Ordinal) ? last[..^4] : url.TrimEnd('/').Split('/')[^1];

    private static string RepositoryOwner(string url)
    {
        var segments = url.TrimEnd('/').Split('/');
        return segments.Length >= 2 ? segments[^2] : url;
    }

    /// <summary>
    /// The versions of one package. Ordinary form: every interval of every range as an affected range, the rest
    /// unaffected. When a range's last interval is open (no fix yet) that range is written inversely, as the
    /// Go CNA does, because a CVE range cannot say "from X on": everything affected except the gaps between
    /// intervals, each from a fix up to the next introduction.
    /// </summary>
    private static (List<CveVersion> Versions, string DefaultStatus) VersionsOf(OsvAffected affected, string ecosystem, List<string> notes)
    {
        var ranges = affected.Ranges ?? [];
        var versions = new List<CveVersion>();
        if (ranges.Count == 0)
        {
            versions.AddRange((affected.Versions ?? []).Select(version => new CveVersion { Version = version, Status = CveVersion.Affected }));
            // No range and no versions: OSV's "every version".
            return (versions, versions.Count == 0 ? CveVersion.Affected : CveVersion.Unaffected);
        }
        var inverse = ranges.Any(range => AffectedIntervals.Of(range, ecosystem) is { Count: > 0 } intervals && intervals[^1].IsOpenEnded);
        foreach (var range in ranges)
        {
            var intervals = AffectedIntervals.Of(range, ecosystem);
            var versionType = CveVocabulary.VersionTypeOf(range.Type, ecosystem);
            if (inverse) versions.AddRange(Gaps(intervals, versionType, notes));
            else versions.AddRange(intervals.Select(interval => AffectedRange(interval, versionType)));
        }
        return (versions, inverse ? CveVersion.Affected : CveVersion.Unaffected);
    }

    private static CveVersion AffectedRange(VersionInterval interval, string versionType) => new()
    {
        Version = interval.Introduced ?? "0",
        Status = CveVersion.Affected,
        LessThan = interval.Fixed ?? interval.Limit,
        LessThanOrEqual = interval.LastAffected,
        VersionType = versionType,
    };

    private static IEnumerable<CveVersion> Gaps(IReadOnlyList<VersionInterval> intervals, string versionType, List<string> notes)
    {
        string? gapStart = "0";
        foreach (var interval in intervals)
        {
            if (interval.Introduced is { } introduced && gapStart is not null && gapStart != introduced)
                yield return new CveVersion { Version = gapStart, Status = CveVersion.Unaffected, LessThan = introduced, VersionType = versionType };
            gapStart = interval.Fixed ?? interval.Limit;
            if (interval.LastAffected is not null)
                notes.Add("a last_affected before a still-open range cannot be written in CVE's inverse form: the versions after it are shown as affected");
        }
    }

    private static IReadOnlyList<CveProgramRoutine> RoutinesOf(JsonElement? ecosystemSpecific)
    {
        if (ecosystemSpecific is not { ValueKind: JsonValueKind.Object } specific) return [];
        var names = new List<string>();
        if (specific.TryGetProperty("affected_functions", out var functions) && functions.ValueKind == JsonValueKind.Array)
            names.AddRange(functions.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()!));
        if (specific.TryGetProperty("imports", out var imports) && imports.ValueKind == JsonValueKind.Array)
            foreach (var import in imports.EnumerateArray())
                if (import.ValueKind == JsonValueKind.Object && import.TryGetProperty("symbols", out var symbols) && symbols.ValueKind == JsonValueKind.Array)
                    names.AddRange(symbols.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!));
        return [.. names.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Select(n => new CveProgramRoutine { Name = n })];
    }

    private static IReadOnlyList<CveMetric>? MetricsOf(OsvRecord record, List<string> notes)
    {
        var severities = (record.Severity ?? []).Concat((record.Affected ?? []).SelectMany(a => a.Severity ?? []));
        var metrics = new List<CveMetric>();
        foreach (var severity in severities.DistinctBy(s => s.Score))
        {
            if (severity.Type is not ("CVSS_V3" or "CVSS_V4"))
            {
                notes.Add($"{severity.Type} severities are not written (CVE records carry CVSS v3.x and v4.0 here)");
                continue;
            }
            if (!CvssParser.TryParseOsvSeverity(severity.Type, severity.Score, out var vector, out _) || vector is null) continue;
            var score = vector.Score();
            var cvss = new CveCvss
            {
                Version = score.Version switch { CvssVersion.V3_0 => "3.0", CvssVersion.V3_1 => "3.1", _ => "4.0" },
                VectorString = severity.Score,
                BaseScore = score.BaseScore,
                BaseSeverity = CvssRatingText.Of(score.Rating).ToUpperInvariant(),
            };
            metrics.Add(score.Version switch
            {
                CvssVersion.V3_0 => new CveMetric { Format = "CVSS", CvssV3_0 = cvss },
                CvssVersion.V3_1 => new CveMetric { Format = "CVSS", CvssV3_1 = cvss },
                _ => new CveMetric { Format = "CVSS", CvssV4_0 = cvss },
            });
        }
        return metrics.Count > 0 ? metrics : null;
    }

    /// <summary>
    /// The credits by name and role. Contacts are deliberately left out, without a note on every record: a CVE credit
    /// can only point at a person by their CVE user UUID.
    /// </summary>
    private static IReadOnlyList<CveCredit>? CreditsOf(OsvRecord record)
    {
        var credits = (record.Credits ?? []).Where(c => c.Name.Trim().Length > 0)
            .Select(c => new CveCredit { Lang = "en", Value = c.Name.Trim(), Type = CveVocabulary.RoleOf(c.Type) })
            .Distinct().ToList();
        return credits.Count > 0 ? credits : null;
    }

    private static bool IsOnHost(string url, string host) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && string.Equals(uri.Host, host, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The references, each URL once with the tags of all its types, then the advisory's own page. An ADVISORY on the
    /// database's own site is the vendor's; one elsewhere (GitHub's, a distribution's) is a third party's.
    /// </summary>
    private static IReadOnlyList<CveReference> ReferencesOf(OsvRecord record, string? advisoryUrl)
    {
        var byUrl = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        void Add(string url, string? tag)
        {
            if (!byUrl.TryGetValue(url, out var tags))
            {
                byUrl[url] = tags = [];
                order.Add(url);
            }
            if (tag is not null && !tags.Contains(tag)) tags.Add(tag);
        }
        var ownHost = Uri.TryCreate(advisoryUrl, UriKind.Absolute, out var own) ? own.Host : null;
        foreach (var reference in record.References ?? [])
            Add(reference.Url, reference.Type == "ADVISORY" && ownHost is not null && !IsOnHost(reference.Url, ownHost)
                ? CveVocabulary.ThirdPartyAdvisoryTag
                : CveVocabulary.TagOf(reference.Type));
        if (advisoryUrl is not null) Add(advisoryUrl, CveVocabulary.TagOf("ADVISORY"));
        return [.. order.Select(url => new CveReference { Url = url, Tags = byUrl[url].Count > 0 ? byUrl[url] : null })];
    }
}
