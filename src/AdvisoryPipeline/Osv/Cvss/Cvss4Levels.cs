namespace AdvisoryPipeline.Osv.Cvss;

/// <summary>
/// Highest-severity vectors and depths of every level of the equivalence sets EQ1, EQ2, EQ3 with EQ6, and EQ4,
/// as FIRST's reference calculator defines them (<c>max_composed.js</c> and <c>max_severity.js</c> of
/// github.com/RedHatProductSecurity/cvss-v4-calculator, Copyright FIRST, Red Hat, and contributors,
/// BSD-2-Clause). Like the macro-vector scores, this is data of the standard; the values are carried over,
/// the representation and the code are ours. EQ5 (E) needs no entry: each of its levels holds a single value.
/// </summary>
internal static class Cvss4Levels
{
    private static readonly Cvss4LevelShape[] Eq1Levels =
    [
        new(1, "AV:N/PR:N/UI:N"),
        new(4, "AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"),
        new(5, "AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"),
    ];

    private static readonly Cvss4LevelShape[] Eq2Levels =
    [
        new(1, "AC:L/AT:N"),
        new(2, "AC:H/AT:N", "AC:L/AT:P"),
    ];

    // EQ3 and EQ6 both look at VC/VI/VA, so they are interpolated together, as one set keyed by both levels.
    private static readonly Dictionary<(int Eq3, int Eq6), Cvss4LevelShape> Eq3Eq6Levels = new()
    {
        [(0, 0)] = new(7, "VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"),
        [(0, 1)] = new(6, "VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"),
        [(1, 0)] = new(8, "VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"),
        [(1, 1)] = new(8,
            "VC:L/VI:H/VA:L/CR:H/IR:M/AR:H",
            "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M",
            "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M",
            "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H",
            "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"),
        [(2, 1)] = new(10, "VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"),
    };

    private static readonly Cvss4LevelShape[] Eq4Levels =
    [
        new(6, "SC:H/SI:S/SA:S"),
        new(5, "SC:H/SI:H/SA:H"),
        new(4, "SC:L/SI:L/SA:L"),
    ];

    public static Cvss4LevelShape Eq1(int level) => Eq1Levels[level];

    public static Cvss4LevelShape Eq2(int level) => Eq2Levels[level];

    public static Cvss4LevelShape Eq3Eq6(int eq3, int eq6) => Eq3Eq6Levels[(eq3, eq6)];

    public static Cvss4LevelShape Eq4(int level) => Eq4Levels[level];
}
