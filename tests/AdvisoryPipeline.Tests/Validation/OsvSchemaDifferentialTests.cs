using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Tests.Validation;

/// <summary>
/// Our OSV schema (schemas/osv-schema.json, written from the specification) must give the same valid/invalid
/// verdict as the official one, both run through our validator with formats asserted and the example
/// database's prefix accepted. Only schema findings count: YAML typing findings are another category.
/// </summary>
public sealed class OsvSchemaDifferentialTests
{
    private const string Prefix = "TSSA";
    private static readonly OsvSchema Ours = OsvSchema.Embedded(Prefix);
    private static readonly OsvSchema Official = OsvSchema.FromFile(SharedData.PathOf("osv-schema", "schema.json"), Prefix);

    private static string FixtureFolder(string name) =>
        Path.Combine(SharedData.RepositoryRoot, "tests", "AdvisoryPipeline.Tests", "Fixtures", name);

    [Fact]
    public void Same_verdict_on_every_record_of_the_pypa_corpus()
    {
        var verdicts = Verdicts(Directory.GetFiles(SharedData.PathOf("corpus", "pypa"), "*.yaml", SearchOption.AllDirectories));

        Assert.Equal(983, verdicts.Count);
        AssertAgreement(verdicts);
        // The four records whose GIT `fixed` values are not full commit hashes.
        Assert.Equal(
            ["PYSEC-2021-371.yaml", "PYSEC-2021-424.yaml", "PYSEC-2021-425.yaml", "PYSEC-2021-436.yaml"],
            verdicts.Where(v => !v.OfficialValid).Select(v => Path.GetFileName(v.File)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Same_verdict_on_the_example_database_and_both_accept_it()
    {
        var verdicts = Verdicts(Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "advisories"), "TSSA-*.yaml"));

        Assert.True(verdicts.Count >= 8);
        Assert.All(verdicts, v => Assert.True(v.OurValid && v.OfficialValid, v.File));
    }

    [Fact]
    public void Both_reject_every_invalid_fixture()
    {
        var verdicts = Verdicts(Directory.GetFiles(FixtureFolder("Invalid"), "*.yaml"));

        Assert.True(verdicts.Count >= 50, $"only {verdicts.Count} invalid fixtures");
        Assert.All(verdicts, v => Assert.False(v.OurValid || v.OfficialValid,
            $"{Path.GetFileName(v.File)}: ours {(v.OurValid ? "accepts" : "rejects")}, official {(v.OfficialValid ? "accepts" : "rejects")}"));
    }

    [Fact]
    public void Both_accept_every_valid_fixture()
    {
        var verdicts = Verdicts(Directory.GetFiles(FixtureFolder("Valid"), "*.yaml"));

        Assert.True(verdicts.Count >= 15);
        Assert.All(verdicts, v => Assert.True(v.OurValid && v.OfficialValid,
            $"{Path.GetFileName(v.File)}: ours {(v.OurValid ? "accepts" : "rejects")}, official {(v.OfficialValid ? "accepts" : "rejects")}"));
    }

    [Fact]
    public void Each_invalid_fixture_says_which_rule_it_breaks()
    {
        Assert.All(Directory.GetFiles(FixtureFolder("Invalid"), "*.yaml"),
            file => Assert.StartsWith("# breaks: ", File.ReadLines(file).First()));
    }

    private sealed record Verdict(string File, bool OurValid, bool OfficialValid);

    private static List<Verdict> Verdicts(IEnumerable<string> files)
    {
        var verdicts = new List<Verdict>();
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var document = AdvisoryYamlLoader.LoadFile(file);
            Assert.True(document.Record.HasValue, $"{file} did not load: {string.Join("; ", document.Findings)}");
            var record = document.Record!.Value;
            verdicts.Add(new Verdict(file,
                SchemaFindings.Check(Ours, record, document.Map).Count == 0,
                SchemaFindings.Check(Official, record, document.Map).Count == 0));
        }
        return verdicts;
    }

    private static void AssertAgreement(IReadOnlyList<Verdict> verdicts)
    {
        var disagreements = verdicts.Where(v => v.OurValid != v.OfficialValid)
            .Select(v => $"{v.File}: ours {(v.OurValid ? "valid" : "invalid")}, official {(v.OfficialValid ? "valid" : "invalid")}")
            .ToArray();
        Assert.True(disagreements.Length == 0, string.Join("\n", disagreements));
    }
}
