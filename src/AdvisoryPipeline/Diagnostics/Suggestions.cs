namespace AdvisoryPipeline.Diagnostics;

/// <summary>
/// "Did you mean": the known word a misspelt one most likely stands for (a key, a value, a command, an option), and
/// the bounded list of known words a message shows when there is none. Every message that suggests a word gets it
/// here, so that <c>sumary</c>, <c>Advisory</c> and <c>valdate</c> are judged by the same measure.
/// </summary>
/// <remarks>
/// The candidates are tried in tiers, and the first tier that matches decides: the same word in another letter case
/// (<c>advisory</c> → <c>ADVISORY</c>); the same word with other separators (<c>last-affected</c> →
/// <c>last_affected</c>); the fewest edits (insert, delete, replace, swap two neighbours: <c>sumary</c> →
/// <c>summary</c>) within <see cref="MaxDistance"/>; the one word that starts with what was typed (<c>crates</c> →
/// <c>crates.io</c>). Two candidates equally close are no suggestion (<c>CVSS_V5</c> is one edit from
/// <c>CVSS_V2</c> and from <c>CVSS_V4</c>), and nor is anything beyond the bound: a guess misleads more than the
/// list of what is allowed.
/// </remarks>
public static class Suggestions
{
    /// <summary>How many known words a message lists before it says "and N more".</summary>
    public const int ListedAtMost = 12;

    /// <summary>The shortest typed word that may be completed by the one candidate it starts.</summary>
    private const int ShortestPrefix = 3;

    /// <summary>The candidate <paramref name="typed"/> most likely stands for, or null when none is close enough.</summary>
    /// <remarks>A candidate equal to <paramref name="typed"/> is no suggestion and is skipped.</remarks>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var known = candidates.Where(candidate => !string.Equals(candidate, typed, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToArray();
        if (typed.Length == 0 || known.Length == 0) return null;

        foreach (var candidate in known)
            if (string.Equals(candidate, typed, StringComparison.OrdinalIgnoreCase)) return candidate;

        var folded = Fold(typed);
        if (folded.Length > 0)
            foreach (var candidate in known)
                if (Fold(candidate) == folded) return candidate;

        var lowered = typed.ToLowerInvariant();
        string? best = null;
        var tied = false;
        var bestDistance = MaxDistance(typed.Length) + 1;
        foreach (var candidate in known)
        {
            var distance = Distance(lowered, candidate.ToLowerInvariant(), bestDistance + 1);
            if (distance >= candidate.Length || distance > bestDistance) continue;
            tied = distance == bestDistance && best is not null;
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        // CVSS_V5 is as close to CVSS_V2 as to CVSS_V4: any pick would be a guess, and the list says more.
        if (best is not null) return tied ? null : best;

        if (typed.Length < ShortestPrefix) return null;
        var extended = known.Where(candidate => candidate.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).Take(2).ToArray();
        return extended.Length == 1 ? extended[0] : null;
    }

    /// <summary>
    /// The most edits a word of <paramref name="length"/> characters may be away from a suggestion: one for the
    /// shortest words, two up to six characters, then a third of the length.
    /// </summary>
    public static int MaxDistance(int length) => length switch
    {
        <= 3 => 1,
        <= 6 => 2,
        _ => length / 3,
    };

    /// <summary>
    /// The optimal string alignment distance (Levenshtein with swaps of neighbouring characters, each substring edited
    /// once), compared as written; at least <paramref name="limit"/> when it is that large or more.
    /// </summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) >= limit) return limit;
        // Three rows of the dynamic-programming table: the one before the previous is needed for swaps.
        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, before[j - 2] + 1);
                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }
            // Every later row is at least this row's minimum: past the limit, the answer is known.
            if (rowMinimum >= limit) return limit;
            (before, previous, current) = (previous, current, before);
        }
        return Math.Min(previous[b.Length], limit);
    }

    /// <summary>
    /// The words as a message lists them: "a, b, c", or the first <paramref name="atMost"/> and "and N more".
    /// </summary>
    public static string List(IReadOnlyCollection<string> words, int atMost = ListedAtMost)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(atMost, 1);
        if (words.Count <= atMost) return string.Join(", ", words);
        return string.Join(", ", words.Take(atMost)) + $" and {words.Count - atMost} more";
    }

    /// <summary>Lower case without separators: <c>Last-Affected</c>, <c>last_affected</c> and <c>LAST AFFECTED</c> fold alike.</summary>
    private static string Fold(string word) =>
        string.Concat(word.Where(c => c is not ('-' or '_' or ' ' or '.'))).ToLowerInvariant();
}
