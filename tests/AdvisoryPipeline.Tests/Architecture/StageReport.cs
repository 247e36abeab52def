using System.Text;

namespace AdvisoryPipeline.Tests.Architecture;

/// <summary>
/// Writes a <see cref="StageCheck"/> as a failure message that lists every violation at once, so that one test run shows
/// the whole remaining work: unplaced types grouped by namespace, upward references grouped by stage pair (bottom stage
/// first), sub-folder cycles by stage. A group shows its first few type pairs and counts the rest, so that a stage pair
/// with hundreds of references does not bury the others.
/// </summary>
public static class StageReport
{
    public const int DefaultExamplesPerGroup = 5;

    public static string Write(StageCheck check, string subject, int examplesPerGroup = DefaultExamplesPerGroup)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(examplesPerGroup);
        var rules = check.Rules;
        var text = new StringBuilder();
        if (check.IsClean)
            return text.Append(subject).Append(" keeps the stage rules (stages bottom first: ").AppendJoin(" < ", rules.Stages).Append(").").ToString();

        var upwardGroups = check.UpwardReferences
            .GroupBy(violation => (violation.FromStage, violation.ToStage))
            .OrderBy(group => rules.LevelOf(group.Key.FromStage)).ThenBy(group => rules.LevelOf(group.Key.ToStage))
            .ToList();
        text.Append(subject).Append(" breaks the stage rules (stages bottom first: ").AppendJoin(" < ", rules.Stages).Append("): ")
            .AppendJoin(", ", new[]
            {
                check.UnplacedTypes.Count > 0 ? Plural.Of(check.UnplacedTypes.Count, "type") + " outside the stages" : null,
                check.UpwardReferences.Count > 0 ? $"{Plural.Of(check.UpwardReferences.Count, "upward type reference")} ({Plural.Of(upwardGroups.Count, "stage pair")})" : null,
                check.FolderCycles.Count > 0 ? Plural.Of(check.FolderCycles.Count, "sub-folder cycle") : null,
            }.OfType<string>())
            .Append('.').Append('\n');

        if (check.UnplacedTypes.Count > 0)
        {
            text.Append('\n').Append("Types outside the declared stages (rule: every type lies in a declared stage):").Append('\n');
            foreach (var group in check.UnplacedTypes.GroupBy(violation => violation.Where).OrderBy(group => group.Key, StringComparer.Ordinal))
            {
                text.Append("  ").Append(Plural.Of(group.Count(), "type")).Append(' ').Append(group.Key).Append(": declare the stage or move the types").Append('\n');
                Examples(text, group.Select(violation => violation.Type.FullName), examplesPerGroup, "type");
            }
        }

        if (upwardGroups.Count > 0)
        {
            text.Append('\n').Append("Upward references (rule: a type uses only its own stage and the stages below it):").Append('\n');
            foreach (var group in upwardGroups)
            {
                text.Append("  ").Append(group.Key.FromStage).Append(" -> ").Append(group.Key.ToStage)
                    .Append(" (").Append(Plural.Of(group.Count(), "type pair")).Append("): ")
                    .Append("stage ").Append(group.Key.FromStage).Append(" uses stage ").Append(group.Key.ToStage)
                    .Append(", which is above it: move the shared piece down or invert the dependency").Append('\n');
                Examples(text, group.Select(violation => $"{violation.Reference.From} (stage {violation.FromStage}) uses {violation.Reference.To} (stage {violation.ToStage}, above it)"), examplesPerGroup, "type pair");
            }
        }

        if (check.FolderCycles.Count > 0)
        {
            text.Append('\n').Append("Sub-folder cycles (rule: inside a stage, the folders one level below it do not use each other in a cycle):").Append('\n');
            foreach (var cycle in check.FolderCycles)
            {
                text.Append("  ").Append(cycle.Message).Append('\n');
                foreach (var edge in cycle.Edges)
                    text.Append("    ").Append(edge.Message).Append('\n');
            }
        }
        return text.ToString().TrimEnd('\n');
    }

    private static void Examples(StringBuilder text, IEnumerable<string> lines, int limit, string thing)
    {
        var all = lines.ToList();
        foreach (var line in all.Take(limit))
            text.Append("    ").Append(line).Append('\n');
        if (all.Count > limit)
            text.Append("    ... and ").Append(Plural.Of(all.Count - limit, "more " + thing)).Append('\n');
    }
}
