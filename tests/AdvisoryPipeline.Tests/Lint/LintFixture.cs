using System.Globalization;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Lint;

namespace AdvisoryPipeline.Tests.Lint;

/// <summary>
/// A YAML fixture under <c>Lint/Fixtures/</c>, named <c>CODE.fail.yaml</c> or <c>CODE.pass.yaml</c>. Its leading
/// comments set the scene and state every finding the linter must report, nothing more:
/// <code>
/// # file: TSSA-2025-7.yaml          the file name the record is checked under (default: its id + .yaml)
/// # ecosystems: PyPI, npm           the database's allowed ecosystems (default: all)
/// # placeholders: refused           PlaceholderIds.Refused (default: to be assigned)
/// # expect: OSV101 error 3:5        one expected finding: code, level, line:column
/// #   message: ...                  its exact message
/// #   hint: ...                     its exact hint
/// </code>
/// </summary>
internal sealed record LintFixture(string Name, string Yaml, string? FileName, DatabaseConfig Config, LintOptions Options,
    IReadOnlyList<ExpectedFinding> Expected)
{
    public static string Folder => Path.Combine(SharedData.RepositoryRoot, "tests", "AdvisoryPipeline.Tests", "Lint", "Fixtures");

    public static IEnumerable<string> Names() =>
        Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static LintFixture Read(string name)
    {
        var yaml = File.ReadAllText(Path.Combine(Folder, name));
        string? fileName = null;
        var config = LintHarness.Config;
        var options = LintHarness.Options;
        var expected = new List<ExpectedFinding>();
        foreach (var line in yaml.Split('\n').TakeWhile(line => line.StartsWith('#')))
        {
            var text = line.TrimStart('#').Trim();
            var colon = text.IndexOf(':');
            if (colon < 0) continue;
            var (key, value) = (text[..colon], text[(colon + 1)..].Trim());
            switch (key)
            {
                case "file": fileName = value; break;
                case "ecosystems": config = config with { Ecosystems = value.Split(", ") }; break;
                case "placeholders": options = options with { Placeholders = Enum.Parse<PlaceholderIds>(value, ignoreCase: true) }; break;
                case "expect": expected.Add(ExpectedFinding.Parse(value)); break;
                case "message": expected[^1] = expected[^1] with { Message = value }; break;
                case "hint": expected[^1] = expected[^1] with { Hint = value }; break;
            }
        }
        return new LintFixture(name, yaml, fileName, config, options, expected);
    }

    public override string ToString() => Name;
}

internal sealed record ExpectedFinding(string Code, FindingLevel Level, int Line, int Column, string? Message = null, string? Hint = null)
{
    /// <summary><c>OSV101 error 3:5</c>.</summary>
    public static ExpectedFinding Parse(string text)
    {
        var parts = text.Split(' ');
        var position = parts[2].Split(':');
        return new ExpectedFinding(parts[0], Enum.Parse<FindingLevel>(parts[1], ignoreCase: true),
            int.Parse(position[0], CultureInfo.InvariantCulture), int.Parse(position[1], CultureInfo.InvariantCulture));
    }

    public static ExpectedFinding Of(Finding finding) =>
        new(finding.Code, finding.Level, finding.Location.Line, finding.Location.Column, finding.Message, finding.Hint);
}
