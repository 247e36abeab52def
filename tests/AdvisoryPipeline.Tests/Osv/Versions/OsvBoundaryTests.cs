using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Tests.Osv.Versions;

/// <summary>OSV's <c>"0"</c> (introduced) and <c>"*"</c> (limit) in every scheme.</summary>
public sealed class OsvBoundaryTests
{
    public static TheoryData<string, string> EarliestAndLatestPerScheme => new()
    {
        { nameof(VersionSchemes.SemVer), "0.0.0-0|99999999999999999999.0.0" },
        { nameof(VersionSchemes.Pep440), "0.dev0|1!99999" },
        { nameof(VersionSchemes.Npm), "0.0.0-0|9999.0.0" },
        { nameof(VersionSchemes.Go), "0.0.0-00010101000000-000000000000|9999.0.0" },
        { nameof(VersionSchemes.Swift), "0.0.0-0|9999.0.0" },
        { nameof(VersionSchemes.Pub), "0.0.0-0|9999.0.0+9" },
        { nameof(VersionSchemes.NuGet), "0.0.0-0|2147483647.0.0.1" },
        { nameof(VersionSchemes.Maven), "alpha|9999-sp" },
        { nameof(VersionSchemes.RubyGems), "0.a|9999" },
        { nameof(VersionSchemes.Debian), "0~~|99:9999" },
        { nameof(VersionSchemes.Rpm), "0~~|99:9999-9" },
    };

    private static readonly Dictionary<string, IVersionScheme> Schemes = new()
    {
        [nameof(VersionSchemes.SemVer)] = VersionSchemes.SemVer,
        [nameof(VersionSchemes.Pep440)] = VersionSchemes.Pep440,
        [nameof(VersionSchemes.Npm)] = VersionSchemes.Npm,
        [nameof(VersionSchemes.Go)] = VersionSchemes.Go,
        [nameof(VersionSchemes.Swift)] = VersionSchemes.Swift,
        [nameof(VersionSchemes.Pub)] = VersionSchemes.Pub,
        [nameof(VersionSchemes.NuGet)] = VersionSchemes.NuGet,
        [nameof(VersionSchemes.Maven)] = VersionSchemes.Maven,
        [nameof(VersionSchemes.RubyGems)] = VersionSchemes.RubyGems,
        [nameof(VersionSchemes.Debian)] = VersionSchemes.Debian,
        [nameof(VersionSchemes.Rpm)] = VersionSchemes.Rpm,
    };

    [Fact]
    public void The_table_covers_every_scheme() =>
        Assert.Equal(Schemes.Keys.Order(), EarliestAndLatestPerScheme.Select(row => (string)row[0]).Order());

    [Theory]
    [MemberData(nameof(EarliestAndLatestPerScheme))]
    public void Zero_sorts_before_and_star_after_every_version_of_every_scheme(string schemeName, string extremes)
    {
        var scheme = Schemes[schemeName];
        Assert.True(scheme.TryParse("0", out var zero, out _));
        Assert.True(scheme.TryParse("*", out var star, out _));
        Assert.True(zero.IsBeginningOfTime);
        Assert.True(star.IsEndOfTime);
        Assert.Same(ParsedVersion.BeginningOfTime, zero);
        foreach (var text in extremes.Split('|'))
        {
            Assert.True(scheme.TryParse(text, out var version, out var error), error);
            Assert.True(zero < version, $"0 < {text} in {scheme.Name}");
            Assert.True(version < star, $"{text} < * in {scheme.Name}");
            Assert.False(zero.Equals(version));
        }
        Assert.True(zero < star);
    }

    [Fact]
    public void Zero_is_accepted_by_SemVer_although_it_is_not_a_SemVer_version()
    {
        // OSV's own example: { "introduced": "0" } in a SEMVER range.
        Assert.True(VersionSchemes.SemVer.TryParse("0", out var version, out _));
        Assert.True(version.IsBeginningOfTime);
        Assert.False(VersionSchemes.SemVer.TryParse("0.0", out _, out _));
    }

    [Fact]
    public void Boundaries_compare_across_schemes_but_real_versions_do_not()
    {
        Assert.True(VersionSchemes.Pep440.TryParse("1.0", out var python, out _));
        Assert.True(VersionSchemes.Maven.TryParse("1.0", out var maven, out _));
        Assert.True(ParsedVersion.BeginningOfTime < python && ParsedVersion.BeginningOfTime < maven);
        Assert.False(python.Equals(maven));
        var exception = Assert.Throws<ArgumentException>(() => python.CompareTo(maven));
        Assert.Contains("different version schemes", exception.Message, StringComparison.Ordinal);
    }
}
