using System.Text;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Tests.Loading;

/// <summary>Loads inline YAML fixtures and picks findings out of the result.</summary>
internal static class YamlFixture
{
    public const string FileName = "fixture.yaml";

    public static LoadedDocument Load(string yaml, LoadOptions? options = null) =>
        AdvisoryYamlLoader.Load(FileName, Encoding.UTF8.GetBytes(yaml), options);

    public static LoadedDocument Load(byte[] bytes, LoadOptions? options = null) =>
        AdvisoryYamlLoader.Load(FileName, bytes, options);

    /// <summary>The only finding with <paramref name="code"/>; fails listing all findings otherwise.</summary>
    public static Finding Single(LoadedDocument document, string code)
    {
        var matches = document.Findings.Where(f => f.Code == code).ToList();
        Assert.True(matches.Count == 1, $"expected one {code}, got {matches.Count}: {Describe(document)}");
        return matches[0];
    }

    public static void AssertAt(Finding finding, FindingLevel level, int line, int column)
    {
        Assert.Equal(level, finding.Level);
        Assert.Equal(new SourceLocation(FileName, line, column), finding.Location);
    }

    public static string Describe(LoadedDocument document) =>
        string.Join("; ", document.Findings.Select(f => $"{f.Code} {f.Location} {f.Pointer} {f.Message}"));

    public static string Codes(LoadedDocument document) => string.Join(",", document.Findings.Select(f => f.Code));
}
