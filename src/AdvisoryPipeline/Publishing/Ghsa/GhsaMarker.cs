using System.Diagnostics.CodeAnalysis;
using System.Text;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Publishing.Ghsa;

/// <summary>
/// The end of every description the ghsa target writes: a visible line naming the OSV record, by which the
/// target finds its draft again (never by summary), and an HTML comment, invisible on GitHub, holding the
/// target's ledger entry for that record:
/// <code>
/// OSV: TSSA-2026-1
/// &lt;!-- advisory-pipeline ledger: modified=2026-02-01T10:00:00Z published=2025-06-01T00:00:00Z sha=3b18e5… --&gt;
/// </code>
/// </summary>
/// <param name="OsvId">The OSV record the advisory was made from.</param>
/// <param name="Ledger">The ledger entry, or null when the comment is missing or damaged (the draft is then rewritten when its record is published).</param>
internal sealed record GhsaMarker(string OsvId, GhsaLedgerEntry? Ledger)
{
    public const string Prefix = "OSV: ";

    /// <summary>The marker's lines, without a line break at the end.</summary>
    public string Format() => Ledger is null ? Prefix + OsvId : $"{Prefix}{OsvId}\n{Ledger.Format()}";

    /// <summary>
    /// Finds the marker at the end of a description: the last non-empty line is the ledger comment or the
    /// <c>OSV:</c> line, and a ledger comment follows directly on an <c>OSV:</c> line. Line endings and trailing
    /// spaces are ignored, as GitHub may change them.
    /// </summary>
    public static bool TryFind(string? description, [NotNullWhen(true)] out GhsaMarker? marker)
    {
        marker = null;
        if (string.IsNullOrEmpty(description))
            return false;
        var lines = description.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        var last = lines[^1].Trim();
        var isLedgerLine = GhsaLedgerEntry.IsLedgerLine(last);
        var ledger = GhsaLedgerEntry.TryParse(last, out var entry) ? entry : null;
        var osvLine = isLedgerLine ? (lines.Length > 1 ? lines[^2].Trim() : "") : last;
        if (!osvLine.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var id = osvLine[Prefix.Length..].Trim();
        if (id.Length == 0 || id.Any(char.IsWhiteSpace))
            return false;
        marker = new GhsaMarker(id, ledger);
        return true;
    }

    /// <summary>Whether two descriptions are the same apart from their ledger comments (and line endings).</summary>
    public static bool SameBody(string left, string right) => WithoutLedger(left) == WithoutLedger(right);

    /// <summary>The description without its ledger comment (the <c>OSV:</c> line stays), in compared form.</summary>
    public static string WithoutLedger(string description)
    {
        var text = GhsaAdvisory.NormaliseText(description);
        var lastLine = text.LastIndexOf('\n');
        return GhsaLedgerEntry.IsLedgerLine(text[(lastLine + 1)..].Trim()) ? text[..Math.Max(lastLine, 0)].TrimEnd() : text;
    }
}

/// <summary>
/// What the ghsa target's ledger holds for one record, as its plan gave it when the draft was last written: the
/// record's timestamps and the git blob SHA-1 of its canonical OSV bytes. Only the planner reads it, to tell
/// unchanged records; none of it is an advisory field on GitHub.
/// </summary>
internal sealed record GhsaLedgerEntry(string Modified, string? Published, string? Withdrawn, string ContentSha)
{
    private const string Start = "<!-- advisory-pipeline ledger:";
    private const string End = "-->";

    public static GhsaLedgerEntry Of(PlannedAdvisory entry)
    {
        var record = entry.Record ?? throw new ArgumentException($"{entry.Id} is held: it has no ledger entry to write.", nameof(entry));
        return new GhsaLedgerEntry(record.Modified!, record.Published, record.Withdrawn, entry.ContentSha!);
    }

    public LedgerRecord ToLedgerRecord(string id) => new(id, Modified, Published, Withdrawn, ContentSha);

    public string Format()
    {
        var line = new StringBuilder(Start).Append(" modified=").Append(Modified);
        if (Published is not null)
            line.Append(" published=").Append(Published);
        if (Withdrawn is not null)
            line.Append(" withdrawn=").Append(Withdrawn);
        return line.Append(" sha=").Append(ContentSha).Append(' ').Append(End).ToString();
    }

    /// <summary>Whether a (trimmed) line is a ledger comment, readable or damaged.</summary>
    public static bool IsLedgerLine(string line) =>
        line.StartsWith(Start, StringComparison.Ordinal) && line.EndsWith(End, StringComparison.Ordinal);

    /// <param name="line">A line of a description, trimmed.</param>
    /// <param name="entry">The entry, when the line is a ledger comment that can be trusted.</param>
    public static bool TryParse(string line, [NotNullWhen(true)] out GhsaLedgerEntry? entry)
    {
        entry = null;
        if (!IsLedgerLine(line))
            return false;
        string? modified = null, published = null, withdrawn = null, sha = null;
        foreach (var token in line[Start.Length..^End.Length].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var value = equals < 0 ? null : token[(equals + 1)..];
            switch (equals < 0 ? token : token[..equals])
            {
                case "modified": modified = value; break;
                case "published": published = value; break;
                case "withdrawn": withdrawn = value; break;
                case "sha": sha = value; break;
            }
        }
        if (!OsvTimestamp.TryParse(modified, out _)
            || (published is not null && !OsvTimestamp.TryParse(published, out _))
            || sha is not { Length: 40 } || !sha.All(char.IsAsciiHexDigitLower))
            return false;
        entry = new GhsaLedgerEntry(modified!, published, withdrawn, sha);
        return true;
    }
}
