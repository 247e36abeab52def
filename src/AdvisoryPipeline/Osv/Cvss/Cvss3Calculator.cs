namespace AdvisoryPipeline.Osv.Cvss;

/// <summary>
/// CVSS v3.0 and v3.1 Base score (v3.1 specification section 7.1 and Appendix A). The two versions share the
/// base formula and weights; only the final Roundup differs. All arithmetic is in <see cref="decimal"/>, so the
/// weights are exact and no binary floating-point error reaches the rounding.
/// </summary>
internal static class Cvss3Calculator
{
    public static decimal BaseScore(CvssVector vector)
    {
        var scopeChanged = Metric(vector, "S") == "C";
        var impactSubScore = 1 - (1 - ImpactWeight(Metric(vector, "C")))
                               * (1 - ImpactWeight(Metric(vector, "I")))
                               * (1 - ImpactWeight(Metric(vector, "A")));
        var impact = scopeChanged
            ? 7.52m * (impactSubScore - 0.029m) - 3.25m * Power(impactSubScore - 0.02m, 15)
            : 6.42m * impactSubScore;
        if (impact <= 0)
            return CvssScoreTenths.ToScore(0);

        var exploitability = 8.22m
            * AttackVectorWeight(Metric(vector, "AV"))
            * AttackComplexityWeight(Metric(vector, "AC"))
            * PrivilegesRequiredWeight(Metric(vector, "PR"), scopeChanged)
            * UserInteractionWeight(Metric(vector, "UI"));
        var unrounded = Math.Min(scopeChanged ? 1.08m * (impact + exploitability) : impact + exploitability, 10m);
        var tenths = vector.Version == CvssVersion.V3_0 ? Cvss3Roundup.V30(unrounded) : Cvss3Roundup.V31(unrounded);
        return CvssScoreTenths.ToScore(tenths);
    }

    private static string Metric(CvssVector vector, string name) =>
        vector.ValueOf(name) ?? throw new InvalidOperationException($"The parser admitted a vector without {name}.");

    private static decimal AttackVectorWeight(string value) => value switch
    {
        "N" => 0.85m,
        "A" => 0.62m,
        "L" => 0.55m,
        _ => 0.2m, // P
    };

    private static decimal AttackComplexityWeight(string value) => value == "L" ? 0.77m : 0.44m;

    // A changed scope makes the attacker's privileges worth more, hence the higher L and H weights.
    private static decimal PrivilegesRequiredWeight(string value, bool scopeChanged) => value switch
    {
        "N" => 0.85m,
        "L" => scopeChanged ? 0.68m : 0.62m,
        _ => scopeChanged ? 0.5m : 0.27m, // H
    };

    private static decimal UserInteractionWeight(string value) => value == "N" ? 0.85m : 0.62m;

    private static decimal ImpactWeight(string value) => value switch
    {
        "H" => 0.56m,
        "L" => 0.22m,
        _ => 0m, // N
    };

    // decimal has no Pow; 15 exact multiplications keep 28 significant digits, far beyond the five decimals
    // the v3.1 Roundup looks at.
    private static decimal Power(decimal value, int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
            result *= value;
        return result;
    }
}
