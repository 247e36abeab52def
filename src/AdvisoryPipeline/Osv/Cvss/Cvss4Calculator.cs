namespace AdvisoryPipeline.Osv.Cvss;

/// <summary>
/// CVSS v4.0 score, following the specification's scoring section and FIRST's reference calculator:
/// <list type="number">
/// <item>the vector's macro vector (EQ1..EQ6 levels) gives a table score, the score of the level's
/// highest-severity vectors;</item>
/// <item>for each equivalence set that has a next lower level, the vector's severity distance from its level's
/// highest-severity vector, divided by the level's depth, is the share of the score gap to that lower level
/// that the vector loses;</item>
/// <item>the score is the table score minus the mean of those losses, clamped to 0–10 and rounded half up to
/// one decimal.</item>
/// </list>
/// The mean is computed as an exact fraction: the reference works in binary floating point, and an exact value
/// leaves no doubt on which side of a half-tenth a score falls.
/// </summary>
internal static class Cvss4Calculator
{
    public static decimal Score(CvssVector vector)
    {
        var metrics = new Cvss4EffectiveMetrics(vector);
        if (Cvss4EffectiveMetrics.ImpactMetrics.All(metric => metrics[metric] == "N"))
            return CvssScoreTenths.ToScore(0);

        var macro = Cvss4MacroVector.Of(metrics);
        var macroTenths = TenthsOf(macro)
            ?? throw new InvalidOperationException($"CVSS v4.0 macro vector {macro.Key} is missing from the table.");

        InterpolationStep?[] steps =
        [
            Step(macroTenths, TenthsOf(macro with { Eq1 = macro.Eq1 + 1 }), Cvss4Levels.Eq1(macro.Eq1), metrics),
            Step(macroTenths, TenthsOf(macro with { Eq2 = macro.Eq2 + 1 }), Cvss4Levels.Eq2(macro.Eq2), metrics),
            Step(macroTenths, NextLowerEq3Eq6Tenths(macro), Cvss4Levels.Eq3Eq6(macro.Eq3, macro.Eq6), metrics),
            Step(macroTenths, TenthsOf(macro with { Eq4 = macro.Eq4 + 1 }), Cvss4Levels.Eq4(macro.Eq4), metrics),
            // Each EQ5 level holds a single E value, so every vector sits at its level's top and loses nothing;
            // an existing lower level still counts in the mean, as in the reference.
            TenthsOf(macro with { Eq5 = macro.Eq5 + 1 }) is { } eq5Lower
                ? new InterpolationStep(macroTenths - eq5Lower, Distance: 0, Depth: 1)
                : null,
        ];
        return CvssScoreTenths.ToScore(RoundedTenths(macroTenths, [.. steps.OfType<InterpolationStep>()]));
    }

    /// <summary>
    /// The score of a macro vector in tenths, or null when that combination of levels does not exist (a level
    /// one below the lowest, or EQ3 and EQ6 levels that exclude each other).
    /// </summary>
    private static int? TenthsOf(Cvss4MacroVector macro) =>
        Cvss4MacroVectorScores.Of(macro) is { } score ? (int)(score * 10) : null;

    // EQ3 and EQ6 step down together: 00 has two lower neighbours (01 and 10) and the higher-scoring one is
    // the next lower level; 01 and 10 lead to 11, 11 to 21, and 21 is the bottom.
    private static int? NextLowerEq3Eq6Tenths(Cvss4MacroVector macro) => (macro.Eq3, macro.Eq6) switch
    {
        (0, 0) => Max(TenthsOf(macro with { Eq6 = 1 }), TenthsOf(macro with { Eq3 = 1 })),
        (0, 1) or (1, 1) => TenthsOf(macro with { Eq3 = macro.Eq3 + 1 }),
        (1, 0) => TenthsOf(macro with { Eq6 = 1 }),
        _ => null,
    };

    private static int? Max(int? left, int? right) =>
        left is { } l && right is { } r ? Math.Max(l, r) : left ?? right;

    private static InterpolationStep? Step(
        int macroTenths, int? lowerTenths, Cvss4LevelShape level, Cvss4EffectiveMetrics metrics) =>
        lowerTenths is { } lower
            ? new InterpolationStep(macroTenths - lower, level.DistanceFrom(metrics), level.Depth)
            : null;

    /// <summary>
    /// macroTenths − mean(gap × distance / depth), clamped to 0–100 and rounded half up, in exact integer
    /// arithmetic over the least common multiple of the depths.
    /// </summary>
    private static long RoundedTenths(int macroTenths, IReadOnlyList<InterpolationStep> steps)
    {
        if (steps.Count == 0)
            return macroTenths;

        var commonDepth = steps.Aggregate(1L, (lcm, step) => LeastCommonMultiple(lcm, step.Depth));
        var lossTimesCommonDepth = steps.Sum(step => (long)step.GapTenths * step.Distance * (commonDepth / step.Depth));
        var denominator = commonDepth * steps.Count;

        // scaled = (macroTenths − loss / denominator) × denominator, kept integral.
        var scaled = Math.Clamp(macroTenths * denominator - lossTimesCommonDepth, 0, 100 * denominator);
        return (2 * scaled + denominator) / (2 * denominator);
    }

    private static long LeastCommonMultiple(long a, long b) => a / GreatestCommonDivisor(a, b) * b;

    private static long GreatestCommonDivisor(long a, long b) => b == 0 ? a : GreatestCommonDivisor(b, a % b);

    /// <param name="GapTenths">Table score of the macro vector minus that of the next lower level, in tenths.</param>
    /// <param name="Distance">Steps from the level's highest-severity vector.</param>
    /// <param name="Depth">Depth of the level.</param>
    private sealed record InterpolationStep(int GapTenths, int Distance, int Depth);
}
