using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.JsonSchema;

namespace AdvisoryPipeline.Tests.Architecture;

/// <summary>
/// src/AdvisoryPipeline keeps its stage folders free of dependency cycles: lower stages never use higher ones.
/// The rules are <see cref="StageRules"/>, the graph is read from the compiled AdvisoryPipeline.dll next to the tests.
/// </summary>
public sealed class StageOrderTests
{
    /// <summary>
    /// The stages of src/AdvisoryPipeline, bottom first: each is a folder and namespace AdvisoryPipeline.&lt;Stage&gt;, and a
    /// stage may use the stages listed before it, never those after it. To change the architecture, edit this list and
    /// nothing else: add a new folder where it belongs in the order, remove one that is gone, move one to reorder. A
    /// nested namespace may be a stage of its own ("Osv.Versions" listed below "Osv"). A type in a folder the list does
    /// not name fails the test, so a new folder is a decision, not an accident.
    /// </summary>
    private static readonly string[] Stages =
    [
        "Diagnostics",    // findings, their order, the kinds of failure
        "FileSystem",     // replacing a folder as a whole, and repairing an interrupted replacement
        "Git",            // the git command line
        "OpenPgp",        // OpenPGP public keys (certificates) and their fingerprints
        "Osv",            // the OSV model, IDs, versions, ecosystems, CVSS, canonical JSON
        "Loading",        // YAML to JSON with its source map, discovery, the loaded advisory and its pipeline: block
        "Configuration",  // database.yaml and the publish-target grammar
        "Editing",        // span edits of advisory files
        "Markup",         // the Markdown of details: its dialect, its limits, what in it is unsafe
        "Lint",
        "Validation",     // schema, lint and cache over a database; the publishable database
        "Fixing",         // advisory fix
        "Lifecycle",      // new, assign-ids, withdraw
        "Presentation",   // the view of an advisory that every output shows
        "Rendering",      // site with its feed, Markdown pages, mail
        "Cve",            // the CVE JSON 5 record of an advisory, the CNA rules, CVE Services
        "Publishing",     // targets: dir:, git:, github:, ghsa:
        "Announcing",     // chat posts (Slack, Discord, Matrix) of published advisories, and their ledger
        "Importing",      // advisories from CVE records and GitHub security advisories
        "Pipeline",       // run: everything above, in one operation
    ];

    [Fact]
    public void Lower_stages_never_use_higher_ones_and_no_stage_has_a_cycle_among_its_sub_folders()
    {
        // Any public type of the library: its assembly is the AdvisoryPipeline.dll the tests were built against.
        var library = typeof(Finding).Assembly.Location;
        var graph = TypeReferenceGraph.Read(library);

        var check = new StageRules("AdvisoryPipeline", Stages).Check(graph.Types, graph.References);

        if (!check.IsClean)
            Assert.Fail(check.Describe(Path.GetFileName(library)));
    }

    [Fact]
    public void The_json_schema_engine_has_no_cycle_among_its_folders()
    {
        var engine = typeof(AdvisoryPipeline.JsonSchema.CompiledSchema).Assembly.Location;
        var graph = TypeReferenceGraph.Read(engine);

        var check = new StageRules("AdvisoryPipeline", ["JsonSchema"]).Check(graph.Types, graph.References);

        if (!check.IsClean)
            Assert.Fail(check.Describe(Path.GetFileName(engine)));
    }
}
