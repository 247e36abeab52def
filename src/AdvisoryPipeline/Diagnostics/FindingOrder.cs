namespace AdvisoryPipeline.Diagnostics;

/// <summary>
/// The one order in which findings are shown: by file, line and column; findings at the same place keep the order
/// in which they were found (a sort that is stable, so that the same input always prints the same output).
/// </summary>
public static class FindingOrder
{
    /// <summary>Compares places only: file (ordinal), line, column. "The whole file" (line 0) comes first.</summary>
    public static int ComparePlaces(Finding a, Finding b)
    {
        var byFile = string.CompareOrdinal(a.Location.File, b.Location.File);
        if (byFile != 0) return byFile;
        var byLine = a.Location.Line.CompareTo(b.Location.Line);
        return byLine != 0 ? byLine : a.Location.Column.CompareTo(b.Location.Column);
    }

    /// <summary>The findings by place, ties in their given order.</summary>
    public static Finding[] Sort(IEnumerable<Finding> findings)
    {
        var found = findings as Finding[] ?? findings.ToArray();
        if (found.Length < 2) return found;
        // Most lists arrive in order already (each stage reports in document order): one pass tells.
        var ordered = true;
        for (var i = 1; i < found.Length && ordered; i++) ordered = ComparePlaces(found[i - 1], found[i]) <= 0;
        if (ordered) return ReferenceEquals(found, findings) ? (Finding[])found.Clone() : found;
        var order = new int[found.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => ComparePlaces(found[a], found[b]) is var c && c != 0 ? c : a.CompareTo(b));
        return Array.ConvertAll(order, i => found[i]);
    }
}
