using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Lint.History;

/// <summary>
/// OSV901-OSV903: consumers mirror a database and trust what they have seen. An advisory that disappears leaves them
/// with a stale copy, a moved <c>published</c> rewrites history, and a <c>modified</c> that goes back makes
/// incremental importers skip the change. Ids are compared, not paths, so moving a file is fine.
/// </summary>
internal static class HistoryCheck
{
    public static void Compare(IReadOnlyList<LintSummary> current, GitBaseSnapshot atBase, string? configuredPrefix, FindingList findings)
    {
        var currentById = new Dictionary<string, LintSummary>(current.Count, StringComparer.Ordinal);
        foreach (var summary in current) currentById.TryAdd(summary.Id.Value, summary);

        foreach (var before in atBase.Advisories)
        {
            if (!currentById.TryGetValue(before.Id, out var now))
            {
                // A placeholder id is replaced by the real one when assigned: that is a rename, not a deletion.
                if (!AdvisoryId.IsPlaceholderText(before.Id, configuredPrefix)) ReportGone(before, current, atBase.Ref, findings);
                continue;
            }
            CheckPublished(before, now, atBase.Ref, findings);
            CheckModified(before, now, atBase.Ref, findings);
        }
    }

    /// <summary>The id is gone: with its file, or because the file now holds another id.</summary>
    private static void ReportGone(BaseAdvisory before, IReadOnlyList<LintSummary> current, string baseRef, FindingList findings)
    {
        const string hint = "restore it and set withdrawn: to the current time; consumers keep advisories they have seen forever";
        foreach (var summary in current)
        {
            if (!IsSameFile(summary.Path, before.Path)) continue;
            findings.Add(LintRules.NotDeleted, summary.Id.Where,
                $"the id was {before.Id} at {baseRef}: an advisory's id never changes", hint, "/id");
            return;
        }
        findings.Add(LintRules.NotDeleted, SourceLocation.WholeFile(before.Path),
            $"{before.Id} ({before.Path}) exists at {baseRef} but has been deleted", hint, null);
    }

    /// <summary>Base paths are relative to the repository root, current ones to where the command runs.</summary>
    private static bool IsSameFile(string currentPath, string basePath)
    {
        var normalized = currentPath.Replace('\\', '/');
        return normalized == basePath || normalized.EndsWith("/" + basePath, StringComparison.Ordinal);
    }

    private static void CheckPublished(BaseAdvisory before, LintSummary now, string baseRef, FindingList findings)
    {
        if (before.Published is null || SameInstant(before.Published, now.Published?.Value)) return;
        var where = now.Published?.Where ?? now.Id.Where;
        var message = now.Published is null
            ? $"published ({before.Published} at {baseRef}) has been removed"
            : $"published changed from {before.Published} (at {baseRef}) to {now.Published.Value}";
        findings.Add(LintRules.PublishedUnchanged, where, message,
            $"restore published: \"{before.Published}\"; record the change in modified", "/published");
    }

    private static void CheckModified(BaseAdvisory before, LintSummary now, string baseRef, FindingList findings)
    {
        if (!OsvTimestamp.TryParse(before.Modified, out var then)) return;
        if (now.Modified is null || !OsvTimestamp.TryParse(now.Modified.Value, out var modified) || modified >= then) return;
        findings.Add(LintRules.ModifiedNotDecreased, now.Modified.Where,
            $"modified went back from {before.Modified} (at {baseRef}) to {now.Modified.Value}",
            "set modified to the time of this change", "/modified");
    }

    /// <summary>Equal texts, or two spellings of one instant (with and without a zero fraction).</summary>
    private static bool SameInstant(string before, string? now) =>
        string.Equals(before, now, StringComparison.Ordinal)
        || (OsvTimestamp.TryParse(before, out var a) && OsvTimestamp.TryParse(now, out var b) && a == b);
}
