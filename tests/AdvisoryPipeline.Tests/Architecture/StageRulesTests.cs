namespace AdvisoryPipeline.Tests.Architecture;

/// <summary><see cref="StageRules"/> on hand-made graphs: each rule catches what it should and nothing else.</summary>
public sealed class StageRulesTests
{
    private static readonly StageRules Rules = new("AdvisoryPipeline", ["Diagnostics", "Osv", "Lint", "Validation", "Feeds", "Rendering"]);

    [Fact]
    public void A_graph_that_only_uses_its_own_stage_and_lower_ones_is_clean()
    {
        var check = Rules.Check(
            [Type("AdvisoryPipeline.Diagnostics.Unused")],
            [
                Uses("AdvisoryPipeline.Osv.Record", "AdvisoryPipeline.Diagnostics.Finding"),
                Uses("AdvisoryPipeline.Rendering.Html.Page", "AdvisoryPipeline.Osv.Versions.Range"),
                Uses("AdvisoryPipeline.Osv.Record", "AdvisoryPipeline.Osv.Versions.Range"),
                Uses("AdvisoryPipeline.Osv.Versions.Range", "AdvisoryPipeline.Osv.Record"),
                // The stage's own namespace and its sub-folders may use each other both ways.
                Uses("AdvisoryPipeline.Rendering.SiteRenderer", "AdvisoryPipeline.Rendering.Html.Page"),
                Uses("AdvisoryPipeline.Rendering.Html.Page", "AdvisoryPipeline.Rendering.ISiteSettings"),
                Uses("AdvisoryPipeline.Rendering.Mail.Announcement", "AdvisoryPipeline.Rendering.ISiteSettings"),
                // Siblings may use each other one way.
                Uses("AdvisoryPipeline.Rendering.Html.Page", "AdvisoryPipeline.Rendering.Presentation.View"),
                Uses("AdvisoryPipeline.Rendering.Mail.Announcement", "AdvisoryPipeline.Rendering.Presentation.View"),
                // Nested folders count as the sub-folder they are in.
                Uses("AdvisoryPipeline.Rendering.Mail.Signing.Signer", "AdvisoryPipeline.Rendering.Mail.Announcement"),
                Uses("AdvisoryPipeline.Rendering.Mail.Announcement", "AdvisoryPipeline.Rendering.Mail.Signing.Signer"),
                // What the compiler and the regex source generator add is outside the rules.
                Uses("AdvisoryPipeline.Osv.Record", "<>z__ReadOnlyArray`1"),
                Uses("AdvisoryPipeline.Lint.Rules", "<PrivateImplementationDetails>"),
                Uses("AdvisoryPipeline.Lint.Rules", "System.Text.RegularExpressions.Generated.<RegexGenerator_g>F1__CveId_4"),
                Uses("<Module>", "AdvisoryPipeline.Rendering.SiteRenderer"),
            ]);

        Assert.True(check.IsClean, check.Describe("test graph"));
        Assert.Equal("test graph keeps the stage rules (stages bottom first: Diagnostics < Osv < Lint < Validation < Feeds < Rendering).", check.Describe("test graph"));
    }

    [Fact]
    public void A_type_that_uses_a_higher_stage_is_reported_with_both_types_and_both_stages()
    {
        var check = Rules.Check([], [Uses("AdvisoryPipeline.Osv.Foo", "AdvisoryPipeline.Lint.Bar"), Uses("AdvisoryPipeline.Lint.Bar", "AdvisoryPipeline.Osv.Foo")]);

        var violation = Assert.Single(check.UpwardReferences);
        Assert.Equal(("Osv", "Lint"), (violation.FromStage, violation.ToStage));
        Assert.Equal(
            "AdvisoryPipeline.Osv.Foo (stage Osv) uses AdvisoryPipeline.Lint.Bar (stage Lint, above it): move the shared piece down or invert the dependency",
            violation.Message);
        Assert.Empty(check.UnplacedTypes);
        Assert.Empty(check.FolderCycles);
    }

    [Fact]
    public void Sibling_sub_folders_that_use_each_other_are_a_cycle_reported_with_one_type_pair_per_edge()
    {
        var check = Rules.Check([],
        [
            Uses("AdvisoryPipeline.Rendering.Mail.Announcement", "AdvisoryPipeline.Rendering.Presentation.View"),
            Uses("AdvisoryPipeline.Rendering.Mail.Signing.Signer", "AdvisoryPipeline.Rendering.Presentation.View"),
            Uses("AdvisoryPipeline.Rendering.Presentation.View", "AdvisoryPipeline.Rendering.Mail.Signing.Signer"),
            // Not on the cycle: Html only uses them.
            Uses("AdvisoryPipeline.Rendering.Html.Page", "AdvisoryPipeline.Rendering.Presentation.View"),
        ]);

        var cycle = Assert.Single(check.FolderCycles);
        Assert.Equal("Rendering", cycle.Stage);
        Assert.Equal(["AdvisoryPipeline.Rendering.Mail", "AdvisoryPipeline.Rendering.Presentation"], cycle.Folders);
        Assert.Equal(["AdvisoryPipeline.Rendering.Mail", "AdvisoryPipeline.Rendering.Presentation", "AdvisoryPipeline.Rendering.Mail"], cycle.Cycle);
        Assert.Equal(
            [
                "AdvisoryPipeline.Rendering.Mail -> AdvisoryPipeline.Rendering.Presentation (2 type pairs), e.g. AdvisoryPipeline.Rendering.Mail.Announcement uses AdvisoryPipeline.Rendering.Presentation.View",
                "AdvisoryPipeline.Rendering.Presentation -> AdvisoryPipeline.Rendering.Mail (1 type pair), e.g. AdvisoryPipeline.Rendering.Presentation.View uses AdvisoryPipeline.Rendering.Mail.Signing.Signer",
            ],
            cycle.Edges.Select(edge => edge.Message));
        Assert.Empty(check.UpwardReferences);
    }

    [Fact]
    public void A_longer_cycle_names_every_folder_on_it_and_every_dependency_between_them()
    {
        var check = Rules.Check([],
        [
            Uses("AdvisoryPipeline.Osv.A.X", "AdvisoryPipeline.Osv.B.X"),
            Uses("AdvisoryPipeline.Osv.B.X", "AdvisoryPipeline.Osv.C.X"),
            Uses("AdvisoryPipeline.Osv.C.X", "AdvisoryPipeline.Osv.A.X"),
            Uses("AdvisoryPipeline.Osv.A.X", "AdvisoryPipeline.Osv.C.X"),
            Uses("AdvisoryPipeline.Osv.C.X", "AdvisoryPipeline.Osv.D.X"),
        ]);

        var cycle = Assert.Single(check.FolderCycles);
        Assert.Equal(["AdvisoryPipeline.Osv.A", "AdvisoryPipeline.Osv.B", "AdvisoryPipeline.Osv.C"], cycle.Folders);
        Assert.Equal(["AdvisoryPipeline.Osv.A", "AdvisoryPipeline.Osv.C", "AdvisoryPipeline.Osv.A"], cycle.Cycle);
        Assert.Equal(["A -> B", "A -> C", "B -> C", "C -> A"], cycle.Edges.Select(edge => $"{edge.From[^1]} -> {edge.To[^1]}"));
    }

    [Fact]
    public void Cycles_in_different_stages_are_reported_separately()
    {
        var check = Rules.Check([],
        [
            Uses("AdvisoryPipeline.Osv.A.X", "AdvisoryPipeline.Osv.B.X"),
            Uses("AdvisoryPipeline.Osv.B.X", "AdvisoryPipeline.Osv.A.X"),
            Uses("AdvisoryPipeline.Lint.A.X", "AdvisoryPipeline.Lint.B.X"),
            Uses("AdvisoryPipeline.Lint.B.X", "AdvisoryPipeline.Lint.A.X"),
        ]);

        Assert.Equal(["Osv", "Lint"], check.FolderCycles.Select(cycle => cycle.Stage));
    }

    [Fact]
    public void Types_in_an_undeclared_stage_in_the_bare_root_namespace_or_outside_it_are_reported()
    {
        var check = Rules.Check(
            [Type("AdvisoryPipeline.Loading.Unused"), Type("AdvisoryPipeline.Osv.Record")],
            [
                Uses("AdvisoryPipeline.Loading.Loader", "AdvisoryPipeline.Osv.Record"),
                Uses("AdvisoryPipeline.Osv.Record", "AdvisoryPipeline.Helpers"),
                Uses("AdvisoryPipeline.Osv.Record", "Elsewhere.Thing"),
            ]);

        Assert.Equal(
            [
                "AdvisoryPipeline.Helpers is in the bare root namespace AdvisoryPipeline, which is no stage: declare the stage or move the type",
                "AdvisoryPipeline.Loading.Loader is in AdvisoryPipeline.Loading, which is not a declared stage: declare the stage or move the type",
                "AdvisoryPipeline.Loading.Unused is in AdvisoryPipeline.Loading, which is not a declared stage: declare the stage or move the type",
                "Elsewhere.Thing is outside the root namespace AdvisoryPipeline, in Elsewhere: declare the stage or move the type",
            ],
            check.UnplacedTypes.Select(violation => violation.Message));
        // An unplaced type has no level: its references are not judged as upward as well.
        Assert.Empty(check.UpwardReferences);
    }

    [Fact]
    public void A_prefix_of_a_stage_name_is_not_that_stage()
    {
        var check = Rules.Check([Type("AdvisoryPipeline.OsvExtras.Thing")], []);

        Assert.Equal("AdvisoryPipeline.OsvExtras.Thing", Assert.Single(check.UnplacedTypes).Type.FullName);
    }

    [Fact]
    public void A_nested_namespace_may_be_a_stage_of_its_own_and_then_is_no_sub_folder_of_its_parent()
    {
        var rules = new StageRules("AdvisoryPipeline", ["Osv.Versions", "Osv"]);

        var check = rules.Check([],
        [
            Uses("AdvisoryPipeline.Osv.Record", "AdvisoryPipeline.Osv.Versions.Range"),
            Uses("AdvisoryPipeline.Osv.Versions.Range", "AdvisoryPipeline.Osv.Record"),
        ]);

        Assert.Equal(("Osv.Versions", "Osv"), (Assert.Single(check.UpwardReferences).FromStage, check.UpwardReferences[0].ToStage));
        Assert.Equal(new StagePlacement(0, "Osv.Versions", "AdvisoryPipeline.Osv.Versions.Semver", IsStageRoot: false), rules.Place("AdvisoryPipeline.Osv.Versions.Semver.Parts"));
    }

    [Fact]
    public void The_report_groups_upward_references_by_stage_pair_bottom_first_and_counts_what_it_does_not_show()
    {
        var references = Enumerable.Range(1, 7)
            .Select(i => Uses($"AdvisoryPipeline.Feeds.Atom.Writer{i}", "AdvisoryPipeline.Rendering.Presentation.View"))
            .Append(Uses("AdvisoryPipeline.Lint.History.Reader", "AdvisoryPipeline.Validation.Discovery"))
            .Append(Uses("AdvisoryPipeline.Rendering.Mail.A", "AdvisoryPipeline.Rendering.Presentation.B"))
            .Append(Uses("AdvisoryPipeline.Rendering.Presentation.B", "AdvisoryPipeline.Rendering.Mail.A"))
            .Append(Uses("AdvisoryPipeline.Loading.Loader", "AdvisoryPipeline.Osv.Record"))
            .Reverse()
            .ToList();

        var report = Rules.Check([], references).Describe("AdvisoryPipeline.dll");

        Assert.Equal(
            """
            AdvisoryPipeline.dll breaks the stage rules (stages bottom first: Diagnostics < Osv < Lint < Validation < Feeds < Rendering): 1 type outside the stages, 8 upward type references (2 stage pairs), 1 sub-folder cycle.

            Types outside the declared stages (rule: every type lies in a declared stage):
              1 type in AdvisoryPipeline.Loading, which is not a declared stage: declare the stage or move the types
                AdvisoryPipeline.Loading.Loader

            Upward references (rule: a type uses only its own stage and the stages below it):
              Lint -> Validation (1 type pair): stage Lint uses stage Validation, which is above it: move the shared piece down or invert the dependency
                AdvisoryPipeline.Lint.History.Reader (stage Lint) uses AdvisoryPipeline.Validation.Discovery (stage Validation, above it)
              Feeds -> Rendering (7 type pairs): stage Feeds uses stage Rendering, which is above it: move the shared piece down or invert the dependency
                AdvisoryPipeline.Feeds.Atom.Writer1 (stage Feeds) uses AdvisoryPipeline.Rendering.Presentation.View (stage Rendering, above it)
                AdvisoryPipeline.Feeds.Atom.Writer2 (stage Feeds) uses AdvisoryPipeline.Rendering.Presentation.View (stage Rendering, above it)
                AdvisoryPipeline.Feeds.Atom.Writer3 (stage Feeds) uses AdvisoryPipeline.Rendering.Presentation.View (stage Rendering, above it)
                AdvisoryPipeline.Feeds.Atom.Writer4 (stage Feeds) uses AdvisoryPipeline.Rendering.Presentation.View (stage Rendering, above it)
                AdvisoryPipeline.Feeds.Atom.Writer5 (stage Feeds) uses AdvisoryPipeline.Rendering.Presentation.View (stage Rendering, above it)
                ... and 2 more type pairs

            Sub-folder cycles (rule: inside a stage, the folders one level below it do not use each other in a cycle):
              Stage Rendering: AdvisoryPipeline.Rendering.Mail, AdvisoryPipeline.Rendering.Presentation use each other in a cycle (AdvisoryPipeline.Rendering.Mail -> AdvisoryPipeline.Rendering.Presentation -> AdvisoryPipeline.Rendering.Mail): move what they share into one of them or up into the stage's own namespace, or invert a dependency
                AdvisoryPipeline.Rendering.Mail -> AdvisoryPipeline.Rendering.Presentation (1 type pair), e.g. AdvisoryPipeline.Rendering.Mail.A uses AdvisoryPipeline.Rendering.Presentation.B
                AdvisoryPipeline.Rendering.Presentation -> AdvisoryPipeline.Rendering.Mail (1 type pair), e.g. AdvisoryPipeline.Rendering.Presentation.B uses AdvisoryPipeline.Rendering.Mail.A
            """.ReplaceLineEndings("\n"),
            report);
    }

    [Fact]
    public void The_result_does_not_depend_on_the_order_of_the_input()
    {
        var references = new[]
        {
            Uses("AdvisoryPipeline.Osv.B.X", "AdvisoryPipeline.Osv.A.X"),
            Uses("AdvisoryPipeline.Osv.A.X", "AdvisoryPipeline.Osv.B.X"),
            Uses("AdvisoryPipeline.Osv.A.Y", "AdvisoryPipeline.Lint.Z"),
            Uses("AdvisoryPipeline.Osv.A.X", "AdvisoryPipeline.Lint.Z"),
            Uses("AdvisoryPipeline.Nowhere.X", "AdvisoryPipeline.Osv.A.X"),
        };

        Assert.Equal(Rules.Check([], references).Describe("x"), Rules.Check([], references.Reverse()).Describe("x"));
    }

    [Theory]
    [InlineData("Osv", "Osv")]
    [InlineData("Osv", "")]
    [InlineData("Osv", "Osv.")]
    [InlineData("Osv", "AdvisoryPipeline Osv")]
    public void A_stage_table_with_a_repeated_or_malformed_stage_is_refused(string first, string second)
    {
        var error = Assert.Throws<ArgumentException>(() => new StageRules("AdvisoryPipeline", [first, second]));
        Assert.StartsWith("Stage table: ", error.Message, StringComparison.Ordinal);
    }

    private static DefinedType Type(string fullName)
    {
        var dot = fullName.LastIndexOf('.');
        return dot < 0 || fullName.StartsWith('<') ? new DefinedType("", fullName) : new DefinedType(fullName[..dot], fullName[(dot + 1)..]);
    }

    private static TypeDependency Uses(string from, string to) => new(Type(from), Type(to));
}
