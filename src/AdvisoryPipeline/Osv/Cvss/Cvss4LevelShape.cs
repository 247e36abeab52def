namespace AdvisoryPipeline.Osv.Cvss;

/// <summary>
/// What the CVSS v4.0 interpolation needs to know about one level of an equivalence set: its highest-severity
/// vectors (the vectors that score exactly the macro vector's table value) and its depth, the number of single
/// steps from a highest-severity vector to the bottom of the level plus one.
/// </summary>
internal sealed class Cvss4LevelShape
{
    private readonly IReadOnlyList<KeyValuePair<string, string>[]> _highestVectors;

    /// <param name="depth">Depth of the level.</param>
    /// <param name="highestVectors">Partial vectors in CVSS notation ("AV:N/PR:N/UI:N"), in the reference order.</param>
    public Cvss4LevelShape(int depth, params string[] highestVectors)
    {
        Depth = depth;
        _highestVectors = highestVectors.Select(ParsePartialVector).ToArray();
    }

    public int Depth { get; }

    /// <summary>
    /// The severity distance of a vector from the first highest-severity vector of this level that is at least as
    /// severe in every metric: the sum, over the level's metrics, of how many steps less severe the vector is.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// No highest-severity vector dominates the vector. The level data is built so that this cannot happen for a
    /// vector of this level; the test suite checks every combination.
    /// </exception>
    public int DistanceFrom(Cvss4EffectiveMetrics metrics)
    {
        foreach (var highest in _highestVectors)
        {
            var steps = highest.Select(pair =>
                Cvss4SeverityRank.Of(pair.Key, metrics[pair.Key]) - Cvss4SeverityRank.Of(pair.Key, pair.Value)).ToArray();
            if (steps.All(step => step >= 0))
                return steps.Sum();
        }
        throw new InvalidOperationException("No highest-severity vector of this CVSS v4.0 level dominates the vector.");
    }

    private static KeyValuePair<string, string>[] ParsePartialVector(string text) =>
        text.Split('/').Select(part => part.Split(':')).Select(pair => KeyValuePair.Create(pair[0], pair[1])).ToArray();
}
