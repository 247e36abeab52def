namespace AdvisoryPipeline.Tests.Architecture;

/// <summary>
/// Which of our assemblies may reference which: the assembly-level half of the architecture, read from each compiled
/// assembly's AssemblyRef table. It catches what the stage rules cannot, a whole assembly depending on the wrong one.
/// </summary>
public sealed class AssemblyReferenceTests
{
    /// <summary>
    /// One row per assembly of ours (its file name without .dll) and the assemblies of ours it may reference; references
    /// to the framework and to packages are not checked. "Ours" is every name in this table and every name starting with
    /// AdvisoryPipeline. When a project is split out (e.g. AdvisoryPipeline.JsonSchema, which references nothing of ours:
    /// add <c>new("AdvisoryPipeline.JsonSchema", [])</c> and <c>"AdvisoryPipeline.JsonSchema"</c> to the library's row), add its
    /// row here and a ProjectReference from this test project, so that its dll is copied next to the tests.
    /// </summary>
    private static readonly AssemblyRule[] Assemblies =
    [
        // The JSON Schema engine (src/AdvisoryPipeline.JsonSchema) depends on nothing of ours: it validates any document.
        new("AdvisoryPipeline.JsonSchema", []),
        // The library uses the engine, and never the command line built on it.
        new("AdvisoryPipeline", ["AdvisoryPipeline.JsonSchema"]),
        // The command line (src/AdvisoryPipeline.Cli) is a thin shell over the library.
        new("advisory", ["AdvisoryPipeline", "AdvisoryPipeline.JsonSchema"]),
    ];

    private sealed record AssemblyRule(string Assembly, string[] MayReference);

    [Fact]
    public void The_command_line_may_use_the_library_and_no_assembly_of_ours_references_one_its_row_does_not_allow()
    {
        var folder = Path.GetDirectoryName(typeof(AssemblyReferenceTests).Assembly.Location)!;
        var ours = Assemblies.Select(rule => rule.Assembly).ToHashSet(StringComparer.Ordinal);
        bool IsOurs(string name) => ours.Contains(name) || name.StartsWith("AdvisoryPipeline", StringComparison.Ordinal);

        var problems = new List<string>();
        foreach (var rule in Assemblies)
        {
            var path = Path.Combine(folder, rule.Assembly + ".dll");
            if (!File.Exists(path))
            {
                problems.Add($"{rule.Assembly}.dll is not next to the tests ({folder}): add a ProjectReference to its project in " +
                             "tests/AdvisoryPipeline.Tests/AdvisoryPipeline.Tests.csproj, or correct or remove its row in AssemblyReferenceTests.Assemblies.");
                continue;
            }
            var forbidden = TypeReferenceGraph.ReadAssemblyReferences(path)
                .Where(reference => IsOurs(reference) && !rule.MayReference.Contains(reference, StringComparer.Ordinal));
            problems.AddRange(forbidden.Select(reference =>
                $"{rule.Assembly}.dll references {reference}.dll, which its row does not allow (allowed: {(rule.MayReference.Length == 0 ? "none of ours" : string.Join(", ", rule.MayReference))}): " +
                "move what it needs into an assembly it may reference, or change the row if the architecture changed."));
        }

        if (problems.Count > 0)
            Assert.Fail(string.Join("\n", problems));
    }
}
