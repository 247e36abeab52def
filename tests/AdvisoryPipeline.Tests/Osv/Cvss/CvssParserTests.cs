using AdvisoryPipeline.Osv.Cvss;

namespace AdvisoryPipeline.Tests.Osv.Cvss;

public sealed class CvssParserTests
{
    private const string V31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    private const string V40 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

    [Theory]
    [InlineData("", "the CVSS vector is empty", null)]
    [InlineData("CVSS:3.1/AV:N /AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "whitespace at offset 13: a CVSS vector has none", 13)]
    [InlineData(" " + V31, "whitespace at offset 0: a CVSS vector has none", 0)]
    [InlineData("AV:N/AC:L/Au:N/C:P/I:P/A:P", "a CVSS vector starts with CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/", 0)]
    [InlineData("cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "a CVSS vector starts with CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/", 0)]
    [InlineData("CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "\"CVSS:3.2\" is not an accepted prefix: a CVSS vector starts with CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/", 0)]
    [InlineData("CVSS:3.1", "\"CVSS:3.1\" is not an accepted prefix: a CVSS vector starts with CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/", 0)]
    [InlineData("CVSS:3.1/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "metric \"AV\" is missing", null)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/I:H", "metrics \"C\" and \"A\" are missing", null)]
    [InlineData("CVSS:3.1/", "metrics \"AV\", \"AC\", \"PR\", \"UI\", \"S\", \"C\", \"I\" and \"A\" are missing", null)]
    [InlineData("CVSS:3.1/AV:N/AC:X/PR:N/UI:N/S:U/C:H/I:H/A:H", "\"AC:X\" is not a valid value for AC (L, H)", 17)]
    [InlineData("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "\"AV:X\" is not a valid value for AV (N, A, L, P)", 12)]
    [InlineData("CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "\"AV:n\" is not a valid value for AV (N, A, L, P)", 12)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/UI:R/S:U/C:H/I:H/A:H", "\"UI\" appears twice", 29)]
    [InlineData("CVSS:3.1/AV:N/AC:L/Au:N/PR:N/UI:N/S:U/C:H/I:H/A:H", "\"Au\" is not a CVSS v3.1 metric", 19)]
    [InlineData("CVSS:3.0/AV:N/AC:L/AT:N/PR:N/UI:N/S:U/C:H/I:H/A:H", "\"AT\" is not a CVSS v3.0 metric", 19)]
    [InlineData("CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "empty metric at offset 14: two \"/\" in a row or a \"/\" at the end", 14)]
    [InlineData(V31 + "/", "empty metric at offset 45: two \"/\" in a row or a \"/\" at the end", 45)]
    [InlineData("CVSS:3.1/AVN/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "\"AVN\" is not a metric: expected NAME:VALUE such as \"AV:N\"", 9)]
    [InlineData(V31 + "/E:Z", "\"E:Z\" is not a valid value for E (X, H, F, P, U)", 47)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VI:H/VC:H/VA:H/SC:N/SI:N/SA:N",
        "\"VC\" is out of order: CVSS v4.0 puts it before \"VI\"", 39)]
    [InlineData(V40 + "/AU:Y/E:A", "\"E\" is out of order: CVSS v4.0 puts it before \"AU\"", 69)]
    [InlineData("CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "metric \"AT\" is missing", null)]
    [InlineData(V40 + "/U:clear", "\"U:clear\" is not a valid value for U (X, Clear, Green, Amber, Red)", 66)]
    [InlineData(V40 + "/S:U", "\"S:U\" is not a valid value for S (X, N, P)", 66)]
    [InlineData(V40 + "/MSI:Q", "\"MSI:Q\" is not a valid value for MSI (X, S, H, L, N)", 68)]
    [InlineData(V40 + "/MSI:S/MSI:S", "\"MSI\" appears twice", 70)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/C:H/I:H/A:H", "\"C\" is not a CVSS v4.0 metric", 34)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N",
        "\"SI:S\" is not a valid value for SI (H, L, N)", 57)]
    public void Rejects_with_a_message_that_names_the_problem(string vector, string message, int? offset)
    {
        Assert.False(CvssParser.TryParseWithOffset(vector, out var parsed, out var error));

        Assert.Null(parsed);
        Assert.Equal(new CvssParseError(message, offset), error);
        Assert.False(CvssParser.TryParse(vector, out _, out var plain));
        Assert.Equal(message, plain);
    }

    [Fact]
    public void Null_is_rejected_like_an_empty_vector()
    {
        Assert.False(CvssParser.TryParse(null, out _, out var error));

        Assert.Equal("the CVSS vector is empty", error);
    }

    [Fact]
    public void Parse_throws_a_format_exception_carrying_the_message()
    {
        var exception = Assert.Throws<FormatException>(() => CvssParser.Parse("CVSS:3.1/AV:N"));

        Assert.Equal("metrics \"AC\", \"PR\", \"UI\", \"S\", \"C\", \"I\" and \"A\" are missing", exception.Message);
    }

    [Fact]
    public void V3_metrics_may_come_in_any_order_and_keep_the_order_of_the_vector()
    {
        const string vector = "CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N/RC:C/E:H";

        Assert.True(CvssParser.TryParse(vector, out var parsed, out var error), error);

        Assert.Equal(CvssVersion.V3_1, parsed.Version);
        Assert.Equal(["A", "I", "C", "S", "UI", "PR", "AC", "AV", "RC", "E"], parsed.Metrics.Keys);
        Assert.Equal("H", parsed.Metrics["E"]);
        Assert.Equal(vector, parsed.Text);
        Assert.Equal(CvssParser.Parse(V31).Score().BaseScore, parsed.Score().BaseScore);
    }

    [Fact]
    public void V4_accepts_every_optional_metric_in_specification_order()
    {
        const string vector = V40 + "/E:P/CR:M/IR:L/AR:H/MAV:A/MAC:H/MAT:P/MPR:L/MUI:A/MVC:L/MVI:N/MVA:H/MSC:L/MSI:S/MSA:X"
            + "/S:N/AU:N/R:U/V:D/RE:M/U:Amber";

        Assert.True(CvssParser.TryParse(vector, out var parsed, out var error), error);

        Assert.Equal(CvssVersion.V4_0, parsed.Version);
        Assert.Equal(11 + 21, parsed.Metrics.Count);
        Assert.Equal("Amber", parsed.Metrics["U"]);
    }

    [Theory]
    [InlineData("CVSS_V3", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", CvssVersion.V3_0)]
    [InlineData("CVSS_V3", V31, CvssVersion.V3_1)]
    [InlineData("CVSS_V4", V40, CvssVersion.V4_0)]
    public void Osv_severity_types_accept_their_versions(string type, string vector, CvssVersion version)
    {
        Assert.True(CvssParser.TryParseOsvSeverity(type, vector, out var parsed, out var error), error?.Message);

        Assert.Equal(version, parsed.Version);
    }

    [Theory]
    [InlineData("CVSS_V3", V40, "\"CVSS:4.0\" is not an accepted prefix: CVSS_V3 vectors start with CVSS:3.0/ or CVSS:3.1/")]
    [InlineData("CVSS_V3", "AV:N/AC:L/Au:N/C:P/I:P/A:P", "CVSS_V3 vectors start with CVSS:3.0/ or CVSS:3.1/")]
    [InlineData("CVSS_V4", V31, "\"CVSS:3.1\" is not an accepted prefix: CVSS_V4 vectors start with CVSS:4.0/")]
    [InlineData("CVSS_V2", "AV:N/AC:L/Au:N/C:P/I:P/A:P", "severity type \"CVSS_V2\" is not CVSS_V3 or CVSS_V4, the types scored here")]
    public void Osv_severity_types_reject_other_versions(string type, string vector, string message)
    {
        Assert.False(CvssParser.TryParseOsvSeverity(type, vector, out _, out var error));

        Assert.Equal(message, error.Message);
    }
}
