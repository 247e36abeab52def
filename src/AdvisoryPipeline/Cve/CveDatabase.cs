using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv.Identifiers;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Cve;

/// <summary>The CVE record of one advisory, or the findings that keep it from being written.</summary>
/// <param name="Record">Null when a finding at error level stops it (an embargo always does).</param>
/// <param name="Notes">What of the advisory the record could not carry, one line each.</param>
public sealed record CveRecordResult(string AdvisoryId, string? CveId, CveRecord? Record, IReadOnlyList<Finding> Findings, IReadOnlyList<string> Notes);

/// <summary>
/// A validated advisory database from the CNA's side: its <c>cna:</c> configuration, and the CVE record of any of
/// its advisories. Public-ness is the publishable database's (<see cref="PublishableDatabase"/>): an advisory under
/// embargo or with a placeholder ID never gets a record.
/// </summary>
public sealed class CveDatabase
{
    private readonly PublishableDatabase _publishable;
    private readonly IReadOnlyList<LoadedAdvisory> _advisories;

    private CveDatabase(PublishableDatabase publishable, IReadOnlyList<LoadedAdvisory> advisories, CnaConfig cna)
    {
        _publishable = publishable;
        _advisories = advisories;
        Cna = cna;
    }

    public CnaConfig Cna { get; }

    public DatabaseConfig Config => _publishable.Config;

    public IReadOnlyList<LoadedAdvisory> Advisories => _advisories;

    /// <exception cref="FindingsException">The advisories have errors.</exception>
    /// <exception cref="UsageException">Several databases, none, or a configuration without <c>cna:</c>.</exception>
    public static CveDatabase From(ValidationReport report, DateTimeOffset now)
    {
        var publishable = PublishableDatabase.From(report, now);
        var cna = publishable.Config.Cna
            ?? throw new UsageException($"{DatabaseFiles.ConfigFile} has no cna: block: add the CNA's short_name and org_id to write CVE records");
        var advisories = report.Advisories.Select(a => a.Advisory).OfType<LoadedAdvisory>().ToList();
        return new CveDatabase(publishable, advisories, cna);
    }

    /// <summary>Whether the advisory may be shown: not under embargo, not a placeholder ID.</summary>
    public bool IsPublic(string advisoryId) => _publishable.SourceOf(advisoryId) is not null;

    /// <summary>The advisory named by its ID or by its CVE alias.</summary>
    /// <exception cref="UsageException">No advisory has that ID or alias.</exception>
    public LoadedAdvisory Find(string id)
    {
        var found = CveId.IsValid(id)
            ? _advisories.Where(a => (a.Record.Aliases ?? []).Contains(id, StringComparer.Ordinal)).ToList()
            : _advisories.Where(a => a.Id == id).ToList();
        return found switch
        {
            [var only] => only,
            [] => throw new UsageException($"{id}: no advisory in the database has this {(CveId.IsValid(id) ? "CVE alias" : "ID")}"),
            _ => throw new UsageException($"{id}: several advisories have this CVE alias ({string.Join(", ", found.Select(a => a.Id))}): name the advisory"),
        };
    }

    /// <summary>The page of an advisory on the database's site, or null without a <c>site_url</c>.</summary>
    public string? AdvisoryUrlOf(string advisoryId) =>
        RenderSettings.From(Config).Links.Absolute(SiteLinks.AdvisoryPagePath(advisoryId));

    /// <summary>The CNA rules' findings and, when none is an error, the record.</summary>
    public CveRecordResult RecordOf(LoadedAdvisory advisory)
    {
        var url = AdvisoryUrlOf(advisory.Id);
        var findings = CnaRules.Check(advisory, IsPublic(advisory.Id), url);
        var cveId = CnaRules.CveIdOf(advisory.Record);
        if (findings.Any(f => f.IsError) || cveId is null)
            return new CveRecordResult(advisory.Id, cveId, null, findings, []);
        var mapping = CveRecordMapper.Map(advisory.Record, new CveRecordRequest(cveId, Cna, url, advisory.Authoring.CweIds ?? []));
        return new CveRecordResult(advisory.Id, cveId, mapping.Record, findings, mapping.Notes);
    }
}
