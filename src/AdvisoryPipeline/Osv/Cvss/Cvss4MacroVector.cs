namespace AdvisoryPipeline.Osv.Cvss;

/// <summary>
/// The CVSS v4.0 macro vector: the level (0 = most severe) of each of the six equivalence sets EQ1..EQ6 of the
/// specification, each grouping metrics that FIRST's experts ranked together.
/// </summary>
internal readonly record struct Cvss4MacroVector(int Eq1, int Eq2, int Eq3, int Eq4, int Eq5, int Eq6)
{
    /// <summary>The six levels as digits, the key of the published lookup table ("002201").</summary>
    public string Key => $"{Eq1}{Eq2}{Eq3}{Eq4}{Eq5}{Eq6}";

    public static Cvss4MacroVector Of(Cvss4EffectiveMetrics metrics) => new(
        Eq1: Eq1Level(metrics["AV"], metrics["PR"], metrics["UI"]),
        Eq2: metrics["AC"] == "L" && metrics["AT"] == "N" ? 0 : 1,
        Eq3: Eq3Level(metrics["VC"], metrics["VI"], metrics["VA"]),
        Eq4: Eq4Level(metrics["SC"], metrics["SI"], metrics["SA"]),
        Eq5: metrics["E"] switch { "A" => 0, "P" => 1, _ => 2 },
        Eq6: Eq6Level(metrics));

    // 0: network, no privileges, no interaction; 2: physical access, or none of the three at its easiest.
    private static int Eq1Level(string av, string pr, string ui)
    {
        if (av == "N" && pr == "N" && ui == "N")
            return 0;
        return av != "P" && (av == "N" || pr == "N" || ui == "N") ? 1 : 2;
    }

    private static int Eq3Level(string vc, string vi, string va)
    {
        if (vc == "H" && vi == "H")
            return 0;
        return vc == "H" || vi == "H" || va == "H" ? 1 : 2;
    }

    // 0: some impact is High on a property (confidentiality, integrity, availability) the environment rates High.
    private static int Eq6Level(Cvss4EffectiveMetrics metrics) =>
        (metrics["CR"] == "H" && metrics["VC"] == "H")
        || (metrics["IR"] == "H" && metrics["VI"] == "H")
        || (metrics["AR"] == "H" && metrics["VA"] == "H")
            ? 0
            : 1;

    // S (Safety) exists only as a modified value, MSI:S or MSA:S, and outranks every High.
    private static int Eq4Level(string sc, string si, string sa)
    {
        if (si == "S" || sa == "S")
            return 0;
        return sc == "H" || si == "H" || sa == "H" ? 1 : 2;
    }
}
