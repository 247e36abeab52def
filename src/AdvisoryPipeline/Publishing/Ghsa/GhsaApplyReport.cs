using System.Text;
using AdvisoryPipeline.Osv.Identifiers;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Publishing.Ghsa;

/// <summary>What applying a plan to a ghsa target did, record by record, told in one line.</summary>
internal sealed class GhsaApplyReport(string target)
{
    /// <summary>IDs listed per group before "and N more": a first publish of a large database stays readable.</summary>
    private const int ListedIds = 5;

    private readonly List<string> _created = [];
    private readonly List<string> _updated = [];
    private readonly List<string> _closed = [];
    private readonly List<string> _reopened = [];
    private readonly List<string> _published = [];
    private readonly List<string> _rejected = [];
    private readonly List<GhsaNote> _notes = [];

    public int Unchanged { get; set; }

    public bool Wrote => _created.Count + _updated.Count + _closed.Count + _reopened.Count > 0;

    public bool HasRejections => _rejected.Count > 0;

    public void Created(string id, bool closed) => _created.Add(closed ? id + " (closed)" : id);

    /// <summary>An update sent: closing (a withdrawn record), reopening (a draft closed on GitHub), or other fields.</summary>
    public void Updated(string id, GhsaUpdate update)
    {
        var fields = string.Join(", ", update.Fields.Where(field => field != "state"));
        switch (update.Body.State)
        {
            case "closed":
                _closed.Add(id);
                break;
            case "draft":
                _reopened.Add(fields.Length == 0 ? id : $"{id}: {fields}");
                break;
            default:
                _updated.Add($"{id}: {fields}");
                break;
        }
    }

    /// <summary>A published advisory that differs from its record: never changed by the target, reported instead.</summary>
    public void LeftPublished(string id, GhsaAdvisory advisory, IReadOnlyList<string> fields, bool withdrawn) =>
        _published.Add(withdrawn
            ? $"{id} is withdrawn but {advisory.GhsaId} is published (GitHub's API cannot withdraw it: ask GitHub to)"
            : $"{id} changed ({string.Join(", ", fields)}) but {advisory.GhsaId} is published: edit it on GitHub");

    public void Rejected(string id, string reason) => _rejected.Add($"{id}: {SingleLineText.Of(reason)}");

    public void Note(IEnumerable<GhsaNote> notes) => _notes.AddRange(notes);

    /// <summary>
    /// "ghsa:acme/x: created 2 drafts (TSSA-1, TSSA-2), updated 1 (TSSA-3: summary), …; 7 unchanged; notes: TSSA-1, TSSA-3: GIT ranges
    /// not sent (GitHub has no commit ranges)".
    /// </summary>
    public string Describe()
    {
        var text = new StringBuilder(target).Append(": ");
        var parts = new List<string>();
        if (_created.Count > 0)
            parts.Add($"created {Count(_created.Count, "draft")} ({List(_created)})");
        if (_updated.Count > 0)
            parts.Add($"updated {_updated.Count} ({List(_updated)})");
        if (_closed.Count > 0)
            parts.Add($"closed {_closed.Count} ({List(_closed)})");
        if (_reopened.Count > 0)
            parts.Add($"reopened {_reopened.Count} closed on GitHub ({List(_reopened)})");
        text.Append(parts.Count == 0 ? "nothing to write" : string.Join(", ", parts));
        if (Unchanged > 0)
            text.Append("; ").Append(Unchanged).Append(" unchanged");
        if (_published.Count > 0)
            text.Append("; not changed on GitHub: ").Append(string.Join("; ", _published));
        if (_rejected.Count > 0)
            text.Append("; refused by GitHub: ").Append(string.Join("; ", _rejected));
        if (_notes.Count > 0)
        {
            // Alike notes are told once, with their subjects: a first publish of a large database has many.
            var groups = _notes.GroupBy(note => note.Text, StringComparer.Ordinal).Select(group => $"{List([.. group.Select(note => note.Subject)])}: {group.Key}");
            text.Append("; notes: ").Append(string.Join("; ", groups));
        }
        return text.ToString();
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string List(List<string> items) =>
        items.Count <= ListedIds ? string.Join(", ", items) : string.Join(", ", items.Take(ListedIds)) + $" and {items.Count - ListedIds} more";
}
