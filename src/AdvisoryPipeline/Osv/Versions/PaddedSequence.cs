namespace AdvisoryPipeline.Osv.Versions;

/// <summary>Element-by-element comparison where the shorter sequence is padded, so that 1.0 equals 1.0.0.</summary>
internal static class PaddedSequence
{
    public static int Compare<T>(IReadOnlyList<T> left, IReadOnlyList<T> right, T padding, Func<T, T, int> compare)
    {
        for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
        {
            var result = compare(i < left.Count ? left[i] : padding, i < right.Count ? right[i] : padding);
            if (result != 0) return result;
        }
        return 0;
    }
}
