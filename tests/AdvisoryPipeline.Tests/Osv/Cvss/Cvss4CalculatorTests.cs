using AdvisoryPipeline.Osv.Cvss;

namespace AdvisoryPipeline.Tests.Osv.Cvss;

public sealed class Cvss4CalculatorTests
{
    private const string Base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H";

    /// <summary>
    /// The table holds every combination of levels except EQ3 = 2 with EQ6 = 0, which cannot occur: EQ6 = 0 needs a
    /// High impact on the vulnerable system, and EQ3 = 2 has none.
    /// </summary>
    [Fact]
    public void The_macro_vector_table_holds_exactly_the_possible_combinations()
    {
        var possible = 0;
        foreach (var macro in AllLevelCombinations())
        {
            var impossible = macro.Eq3 == 2 && macro.Eq6 == 0;
            Assert.Equal(impossible, Cvss4MacroVectorScores.Of(macro) is null);
            possible += impossible ? 0 : 1;
        }

        Assert.Equal(270, possible);
        Assert.Equal(270, Cvss4MacroVectorScores.Count);
    }

    /// <summary>
    /// For every combination of the metrics of each equivalence set, the level the vector falls in has a
    /// highest-severity vector at least as severe in every metric, and the distance from it stays below the
    /// level's depth (the proportion lost is under 1). The deepest vector of each level is exactly depth − 1 away.
    /// </summary>
    [Theory]
    [MemberData(nameof(EquivalenceSets))]
    public void Every_vector_is_dominated_by_a_highest_severity_vector_of_its_level(string set)
    {
        var deepest = new Dictionary<Cvss4LevelShape, int>();
        foreach (var vector in VectorsVarying(set))
        {
            var metrics = new Cvss4EffectiveMetrics(CvssParser.Parse(vector));
            var level = LevelOf(set, Cvss4MacroVector.Of(metrics));

            var distance = level.DistanceFrom(metrics);

            Assert.InRange(distance, 0, level.Depth - 1);
            deepest[level] = Math.Max(distance, deepest.GetValueOrDefault(level));
        }

        Assert.All(deepest, pair => Assert.Equal(pair.Key.Depth - 1, pair.Value));
    }

    public static TheoryData<string> EquivalenceSets() => new("EQ1", "EQ2", "EQ3+EQ6", "EQ4");

    /// <summary>
    /// A highest-severity vector scores exactly its macro vector's table value, so the threat and environmental
    /// metrics that move it to another macro vector must give that vector's value.
    /// </summary>
    [Theory]
    [InlineData("", 0, 0, 0, 1, 0, 0)]
    [InlineData("/E:P", 0, 0, 0, 1, 1, 0)]
    [InlineData("/E:U", 0, 0, 0, 1, 2, 0)]
    [InlineData("/E:U/MSI:S/MSA:S", 0, 0, 0, 0, 2, 0)]
    [InlineData("/CR:M/IR:M/AR:M", 0, 0, 0, 1, 0, 1)]
    [InlineData("/E:P/CR:M/IR:M/AR:M/MAV:P", 2, 0, 0, 1, 1, 1)]
    public void Threat_and_environmental_metrics_move_the_score_to_their_macro_vector(
        string suffix, int eq1, int eq2, int eq3, int eq4, int eq5, int eq6)
    {
        var vector = CvssParser.Parse(Base + suffix);
        var macro = new Cvss4MacroVector(eq1, eq2, eq3, eq4, eq5, eq6);

        Assert.Equal(macro, Cvss4MacroVector.Of(new Cvss4EffectiveMetrics(vector)));
        Assert.Equal(Cvss4MacroVectorScores.Of(macro), vector.Score().BaseScore);
    }

    [Fact]
    public void Exploit_maturity_lowers_the_score()
    {
        var attacked = CvssParser.Parse(Base + "/E:A").Score().BaseScore;
        var proofOfConcept = CvssParser.Parse(Base + "/E:P").Score().BaseScore;
        var unreported = CvssParser.Parse(Base + "/E:U").Score().BaseScore;

        Assert.True(attacked > proofOfConcept && proofOfConcept > unreported,
            $"E:A {attacked}, E:P {proofOfConcept}, E:U {unreported}");
    }

    [Fact]
    public void No_effective_impact_scores_zero_even_when_the_base_has_impact()
    {
        var score = CvssParser.Parse(Base + "/MVC:N/MVI:N/MVA:N/MSC:N/MSI:N/MSA:N").Score();

        Assert.Equal("0.0", score.BaseScore.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(CvssRating.None, score.Rating);
    }

    [Fact]
    public void A_modified_impact_on_a_no_impact_base_scores_like_that_base_impact()
    {
        const string noImpact = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N";
        const string confidentialityOnly = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N";

        var modified = CvssParser.Parse(noImpact + "/MVC:H").Score().BaseScore;

        Assert.Equal(CvssParser.Parse(confidentialityOnly).Score().BaseScore, modified);
        Assert.NotEqual(0.0m, modified);
    }

    [Theory]
    [InlineData(Base, "CVSS-B")]
    [InlineData(Base + "/E:X/CR:X/MAV:X", "CVSS-B")]
    [InlineData(Base + "/S:P/AU:Y/U:Red", "CVSS-B")]
    [InlineData(Base + "/E:U", "CVSS-BT")]
    [InlineData(Base + "/CR:L", "CVSS-BE")]
    [InlineData(Base + "/MSA:S", "CVSS-BE")]
    [InlineData(Base + "/E:P/MAV:A", "CVSS-BTE")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/CR:L", "CVSS-B")]
    public void Nomenclature_names_the_metric_groups_that_count(string vector, string nomenclature) =>
        Assert.Equal(nomenclature, CvssParser.Parse(vector).Nomenclature);

    private static IEnumerable<Cvss4MacroVector> AllLevelCombinations() =>
        from eq1 in Enumerable.Range(0, 3)
        from eq2 in Enumerable.Range(0, 2)
        from eq3 in Enumerable.Range(0, 3)
        from eq4 in Enumerable.Range(0, 3)
        from eq5 in Enumerable.Range(0, 3)
        from eq6 in Enumerable.Range(0, 2)
        select new Cvss4MacroVector(eq1, eq2, eq3, eq4, eq5, eq6);

    private static Cvss4LevelShape LevelOf(string set, Cvss4MacroVector macro) => set switch
    {
        "EQ1" => Cvss4Levels.Eq1(macro.Eq1),
        "EQ2" => Cvss4Levels.Eq2(macro.Eq2),
        "EQ3+EQ6" => Cvss4Levels.Eq3Eq6(macro.Eq3, macro.Eq6),
        _ => Cvss4Levels.Eq4(macro.Eq4),
    };

    // Every combination of the set's metrics, the others held at Base's values. S exists for SI and SA only as
    // MSI:S / MSA:S over a base value.
    private static IEnumerable<string> VectorsVarying(string set) => set switch
    {
        "EQ1" => from av in "NALP" from pr in "NLH" from ui in "NPA"
                 select $"CVSS:4.0/AV:{av}/AC:L/AT:N/PR:{pr}/UI:{ui}/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H",
        "EQ2" => from ac in "LH" from at in "NP"
                 select $"CVSS:4.0/AV:N/AC:{ac}/AT:{at}/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H",
        "EQ3+EQ6" => from vc in "HLN" from vi in "HLN" from va in "HLN"
                     from cr in "HML" from ir in "HML" from ar in "HML"
                     select $"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:{vc}/VI:{vi}/VA:{va}/SC:H/SI:H/SA:H/CR:{cr}/IR:{ir}/AR:{ar}",
        _ => from sc in "HLN" from si in "SHLN" from sa in "SHLN"
             select $"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:{sc}/SI:{BaseOf(si)}/SA:{BaseOf(sa)}"
                    + (si == 'S' ? "/MSI:S" : "") + (sa == 'S' ? "/MSA:S" : ""),
    };

    private static char BaseOf(char value) => value == 'S' ? 'H' : value;
}
