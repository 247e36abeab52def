using System.Globalization;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Cve;

/// <summary>
/// The CVE program's rules for a CNA's record that the schema cannot check (see <see cref="CnaFindingCodes"/>),
/// applied to an advisory before its CVE record is written, with findings at the advisory's YAML lines.
/// </summary>
public static class CnaRules
{
    /// <summary>The CVE ID a record of the advisory is for: its one CVE alias, or null (then findings say why).</summary>
    public static string? CveIdOf(OsvRecord record) =>
        (record.Aliases ?? []).Where(alias => CveId.IsValid(alias)).Distinct(StringComparer.Ordinal).ToList() is [var only] ? only : null;

    /// <param name="advisory">The advisory as loaded, for its record, its pipeline block and the lines to point at.</param>
    /// <param name="isPublic">Whether the advisory may be shown: not under embargo and not a placeholder ID.</param>
    /// <param name="advisoryUrl">The advisory's own page, which does not count as a public reference of its own.</param>
    public static IReadOnlyList<Finding> Check(LoadedAdvisory advisory, bool isPublic, string? advisoryUrl)
    {
        var record = advisory.Record;
        var findings = new List<Finding>();
        void Add(string code, FindingLevel level, string message, string pointer, string hint) =>
            findings.Add(new Finding(code, level, message, advisory.Document.Map.Locate(pointer), hint, pointer));

        if (!isPublic)
            Add(CnaFindingCodes.NotPublic, FindingLevel.Error, $"{record.Id} is not public yet (under embargo or with a placeholder ID): no CVE record may be written before the advisory is",
                advisory.Authoring.EmbargoUntil is not null ? "/pipeline/embargo_until" : "/id",
                "wait for the embargo to end, or run advisory assign-ids first");
        if (record.IsWithdrawn)
            Add(CnaFindingCodes.Withdrawn, FindingLevel.Error, $"{record.Id} is withdrawn: its CVE is rejected, not published",
                "/withdrawn", "run advisory cve reject CVE-ID --reason TEXT instead");

        var cves = (record.Aliases ?? []).Where(alias => CveId.IsValid(alias)).Distinct(StringComparer.Ordinal).ToList();
        if (cves.Count == 0)
            Add(CnaFindingCodes.NoCveId, FindingLevel.Error, $"{record.Id} has no CVE ID among its aliases",
                record.Aliases is null ? "/id" : "/aliases", "reserve one with advisory cve reserve, and add it to aliases");
        else if (cves.Count > 1)
            Add(CnaFindingCodes.SeveralCveIds, FindingLevel.Error, $"{record.Id} has {cves.Count} CVE IDs ({string.Join(", ", cves)}); a CVE record describes one",
                "/aliases", "split the advisory, one per CVE, or keep the one CVE this advisory describes");

        if (string.IsNullOrWhiteSpace(record.Details) && string.IsNullOrWhiteSpace(record.Summary))
            Add(CnaFindingCodes.NoDescription, FindingLevel.Error, "the CVE record needs an English description, and the advisory has neither details nor a summary",
                "/details", "write details: what is vulnerable, how it is exploited, what it allows");

        var cweIds = Presentation.AdvisoryView.CweIdsOf(record.DatabaseSpecific).Select((id, i) => (Id: id, Pointer: $"/database_specific/cwe_ids/{i}"))
            .Concat((advisory.Authoring.CweIds ?? []).Select((id, i) => (Id: id, Pointer: $"/pipeline/cwe_ids/{i}"))).ToList();
        if (cweIds.Count == 0)
            Add(CnaFindingCodes.NoProblemType, FindingLevel.Warning, "the CVE record has no problem type: the advisory names no CWE",
                record.DatabaseSpecific is null ? "" : "/database_specific", "add database_specific: {cwe_ids: [CWE-...]} (or cwe_ids in the pipeline block)");
        foreach (var (id, pointer) in cweIds.Where(cwe => !CweId.IsValid(cwe.Id)))
            Add(CnaFindingCodes.BadCweId, FindingLevel.Error, $"\"{id}\" is not a CWE ID", pointer, "write CWE- and the number, e.g. CWE-79");

        if ((record.Affected ?? []).Count == 0)
            Add(CnaFindingCodes.NoProduct, FindingLevel.Error, "the CVE record needs at least one affected product, and the advisory names no package",
                "/affected", "add the affected package with its versions");

        var own = advisoryUrl is null ? null : advisoryUrl.TrimEnd('/');
        if (!(record.References ?? []).Any(reference => !string.Equals(reference.Url.TrimEnd('/'), own, StringComparison.Ordinal)))
            Add(CnaFindingCodes.NoPublicReference, FindingLevel.Error, "the CVE record needs a public reference besides the advisory's own page",
                record.References is null ? "" : "/references", "add the fix, the release notes or the report as a reference");

        if (record.Details is { Length: > 0 } details)
            foreach (var credit in (record.Credits ?? []).Where(credit => credit.Name.Trim().Length >= 3))
                if (CultureInfo.InvariantCulture.CompareInfo.IndexOf(details, credit.Name.Trim(), CompareOptions.IgnoreCase) >= 0)
                {
                    Add(CnaFindingCodes.CreditsInDescription, FindingLevel.Warning, $"the details name {credit.Name.Trim()}, who is credited: the CVE description would carry the credit",
                        "/details", "keep credits in credits: the CVE record lists them on their own");
                    break;
                }
        return findings;
    }
}
