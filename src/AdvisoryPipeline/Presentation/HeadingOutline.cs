namespace AdvisoryPipeline.Presentation;

/// <summary>
/// The levels author headings get when they sit under a page's own heading: the first is <c>top</c>, each later one
/// keeps its place relative to the others but is never more than one level below the one before it (a jump from
/// <c>##</c> to <c>####</c> becomes one step), and none is above <c>top</c> or below 6. Screen readers and outline
/// checkers (the Nu HTML checker, axe-core) expect headings not to skip levels.
/// </summary>
public static class HeadingOutline
{
    public const int DeepestLevel = 6;

    /// <param name="authored">The authored levels (1-6) in document order.</param>
    /// <param name="top">The level of the first heading: one below the page's heading that holds them.</param>
    public static int[] Levels(IReadOnlyList<int> authored, int top)
    {
        var levels = new int[authored.Count];
        if (authored.Count == 0) return levels;
        var highest = authored.Min();
        var previous = top - 1;
        for (var i = 0; i < authored.Count; i++)
        {
            var wanted = top + authored[i] - highest;
            levels[i] = previous = Math.Clamp(Math.Min(wanted, previous + 1), top, DeepestLevel);
        }
        return levels;
    }
}
