using System.Collections.Concurrent;
using System.Text.Json;
using AdvisoryPipeline.JsonSchema;

namespace AdvisoryPipeline.Tests.JsonSchema;

/// <summary>
/// Reads the official JSON Schema Test Suite from ../shared and turns its cases into theory data. Every method
/// reads the draft 2020-12 tests unless given another draft's folder (<see cref="Draft7"/>).
/// </summary>
internal static class SchemaTestSuite
{
    private static readonly ConcurrentDictionary<string, JsonElement> Files = new();

    public const string Draft2020_12 = "draft2020-12";

    public const string Draft7 = "draft7";

    public static string TestsDirectory => TestsDirectoryOf(Draft2020_12);

    public static string TestsDirectoryOf(string draft) => SharedData.PathOf("json-schema-test-suite", "tests", draft);

    /// <summary>The suite's remote documents, served as http://localhost:1234/ like the suite expects.</summary>
    public static ISchemaResolver Remotes { get; } =
        new DirectorySchemaResolver(new Uri("http://localhost:1234/"), SharedData.PathOf("json-schema-test-suite", "remotes"));

    /// <summary>One row per test: relative file, group index, test index, and a readable "group / test" description.</summary>
    public static IEnumerable<object[]> Cases(string relativeDirectory, Func<string, bool> includeFile, IReadOnlyDictionary<string, string> exclusions, string draft = Draft2020_12)
    {
        var directory = Path.Combine(TestsDirectoryOf(draft), relativeDirectory);
        foreach (var path in Directory.GetFiles(directory, "*.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            var file = Path.GetRelativePath(TestsDirectoryOf(draft), path).Replace('\\', '/');
            if (!includeFile(file)) continue;
            var groups = Load(draft, file);
            for (var g = 0; g < groups.GetArrayLength(); g++)
            {
                var tests = groups[g].GetProperty("tests");
                for (var t = 0; t < tests.GetArrayLength(); t++)
                {
                    var name = Describe(groups[g], tests[t]);
                    if (exclusions.ContainsKey(Key(file, name))) continue;
                    yield return [file, g, t, name];
                }
            }
        }
    }

    public static (JsonElement Schema, JsonElement Data, bool Valid) Case(string file, int group, int test, string draft = Draft2020_12)
    {
        var g = Load(draft, file)[group];
        var t = g.GetProperty("tests")[test];
        return (g.GetProperty("schema"), t.GetProperty("data"), t.GetProperty("valid").GetBoolean());
    }

    /// <summary>Every test of the given files, as exclusion keys, to prove that listed exclusions still exist.</summary>
    public static IEnumerable<string> AllKeys(string relativeDirectory, string draft = Draft2020_12)
    {
        var directory = Path.Combine(TestsDirectoryOf(draft), relativeDirectory);
        foreach (var path in Directory.GetFiles(directory, "*.json"))
        {
            var file = Path.GetRelativePath(TestsDirectoryOf(draft), path).Replace('\\', '/');
            foreach (var group in Load(draft, file).EnumerateArray())
                foreach (var test in group.GetProperty("tests").EnumerateArray())
                    yield return Key(file, Describe(group, test));
        }
    }

    /// <summary>Fails when an exclusion names no suite test (a typo, or a test the suite renamed).</summary>
    public static void AssertExclusionsExist(string relativeDirectory, IReadOnlyDictionary<string, string> exclusions, string draft = Draft2020_12)
    {
        var all = AllKeys(relativeDirectory, draft).ToHashSet(StringComparer.Ordinal);
        Assert.All(exclusions, exclusion =>
        {
            Assert.Contains(exclusion.Key, all);
            Assert.False(string.IsNullOrWhiteSpace(exclusion.Value), $"the exclusion of {exclusion.Key} needs a reason");
        });
    }

    public static string Key(string file, string description) => file + " | " + description;

    private static string Describe(JsonElement group, JsonElement test) =>
        group.GetProperty("description").GetString() + " / " + test.GetProperty("description").GetString();

    private static JsonElement Load(string draft, string file) => Files.GetOrAdd(draft + "/" + file, key =>
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestsDirectoryOf(draft), file)));
        return document.RootElement.Clone();
    });
}
