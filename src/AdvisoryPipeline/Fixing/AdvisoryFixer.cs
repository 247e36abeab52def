using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Editing;
using AdvisoryPipeline.JsonSchema;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Fixing;

/// <summary>What fixing one file gave: the new text (equal to the old when nothing changed), the changes and the problems.</summary>
public sealed record FixOutcome(LoadedDocument Original, string FixedText, IReadOnlyList<AppliedFix> Fixes, IReadOnlyList<Finding> Problems)
{
    public bool Changed => !string.Equals(FixedText, Original.Text, StringComparison.Ordinal);

    /// <summary>True when load errors kept the file from being fixed at all.</summary>
    public bool Skipped => Problems.Any(p => p.Code == FixFindingCodes.Skipped);
}

/// <summary>
/// Makes the mechanical fixes of <see cref="FixRule"/> to one loaded advisory by editing only the stretches
/// of text that change. It works in three rounds, each on the text the previous one produced: values
/// (quoting, names, purls, URLs, trailing whitespace), then the order of range events, then the order of the
/// top-level keys. After each round the text is loaded again and must give the record the round intended
/// (the same record, with only the rewritten values or the reordered events differing) and no new error;
/// otherwise that round is dropped and reported (FIX002), so a fix can never change what an advisory says. A round
/// that would add a finding of validation (schema or lint, as <c>validate</c> reports it for the file) is dropped the
/// same way, so a fix never makes a valid record invalid: sorting a tie of <c>fixed</c> and <c>introduced</c> at one
/// version, for one, can change how a range reads.
/// Locations of a round's changes are in the text that round starts from; no round adds or removes lines, so
/// line numbers are those of the original file.
/// </summary>
public static class AdvisoryFixer
{
    /// <summary>Typing errors that leave the loaded record faithful to the text; every other load error stops the fix.</summary>
    private static readonly HashSet<string> TolerableErrors =
        [LoadFindingCodes.NumberForString, LoadFindingCodes.BooleanForString, LoadFindingCodes.NullForString];

    /// <param name="findingsOf">What validation says of a document (<see cref="AdvisoryChecker.FindingsOf"/>).</param>
    public static FixOutcome Fix(LoadedDocument document, Func<LoadedDocument, IReadOnlyList<Finding>> findingsOf)
    {
        var blocking = document.Findings.Where(f => f.IsError && !TolerableErrors.Contains(f.Code)).ToList();
        if (blocking.Count > 0 || document.Record is null)
        {
            var skipped = new Finding(FixFindingCodes.Skipped, FindingLevel.Error,
                "the file has errors that no automatic fix repairs, so it was not changed",
                SourceLocation.WholeFile(document.Path), "correct the errors reported for this file, then run the fix again");
            return new FixOutcome(document, document.Text, [], [.. blocking, skipped]);
        }

        var fixes = new List<AppliedFix>();
        var problems = new List<Finding>();
        var current = document;
        var checks = new FindingCounter(findingsOf);
        current = RunRound(current, ValueRound(current), checks, fixes, problems);
        current = RunRound(current, MoveRound(current, EventOrder.Find(current).ToList()), checks, fixes, problems);
        current = RunRound(current, MoveRound(current, TopLevelKeyOrder.Find(current) is { } keys ? [keys] : []), checks, fixes, problems);
        return new FixOutcome(document, current.Text, fixes, problems);
    }

    /// <summary>The edits of one round, what it reports, and the record and authoring block it must produce.</summary>
    private sealed record Round(IReadOnlyList<TextEdit> Edits, IReadOnlyList<AppliedFix> Fixes, JsonNode? ExpectedRecord, JsonNode? ExpectedAuthoring);

    private static LoadedDocument RunRound(LoadedDocument current, Round round, FindingCounter checks, List<AppliedFix> fixes, List<Finding> problems)
    {
        if (round.Edits.Count == 0) return current;
        var text = TextEdit.ApplyAll(current.Text, round.Edits);
        var next = AdvisoryFileLoader.Load(current.Path, Encoding.UTF8.GetBytes(text));
        if (Keeps(round, current, next) && !checks.Adds(current, next))
        {
            fixes.AddRange(round.Fixes);
            return next;
        }
        var rules = string.Join(", ", round.Fixes.Select(f => FixRuleNames.Of(f.Rule)).Distinct());
        var first = round.Fixes[0];
        problems.Add(new Finding(FixFindingCodes.RuleWithdrawn, FindingLevel.Warning,
            $"the {rules} changes would have changed what the record says or added a finding, so they were not made",
            new SourceLocation(current.Path, first.Line, first.Column), "make this change by hand"));
        return current;
    }

    private static bool Keeps(Round round, LoadedDocument before, LoadedDocument after) =>
        after.Record is { } record
        && after.Findings.Count(f => f.IsError) <= before.Findings.Count(f => f.IsError)
        && JsonNode.DeepEquals(round.ExpectedRecord, ToNode(record))
        && JsonNode.DeepEquals(round.ExpectedAuthoring, after.AuthoringBlock is { } block ? ToNode(block) : null);

    private static Round ValueRound(LoadedDocument document)
    {
        var record = document.Record!.Value;
        var changes = AmbiguousScalarQuoting.Find(document)
            .Concat(PackageNormalization.Find(record))
            .Concat(UrlNormalization.Find(record));
        var expectedRecord = ToNode(record);
        var expectedAuthoring = document.AuthoringBlock is { } block ? ToNode(block) : null;
        var edits = new List<TextEdit>();
        var fixes = new List<AppliedFix>();

        foreach (var group in changes.GroupBy(c => (c.Pointer, c.OnKey)))
        {
            var newValue = group.Last().NewValue;
            var forceQuotes = group.Any(c => c.ForceQuotes);
            if (ScalarEdit(document, group.Key.Pointer, group.Key.OnKey, newValue, forceQuotes) is not { } edit) continue;
            edits.Add(edit.Edit);
            fixes.AddRange(group.Select(c => new AppliedFix(c.Rule, edit.Line, edit.Column, c.Description)));
            if (!group.Key.OnKey) SetExpected(group.Key.Pointer, newValue, expectedRecord, expectedAuthoring);
        }
        foreach (var (edit, fix) in TrailingWhitespace.Find(document))
        {
            if (edits.Any(e => e.Overlaps(edit))) continue;
            edits.Add(edit);
            fixes.Add(fix);
        }
        return new Round(edits, fixes.OrderBy(f => f.Line).ThenBy(f => f.Column).ToList(), expectedRecord, expectedAuthoring);
    }

    private static (TextEdit Edit, int Line, int Column)? ScalarEdit(LoadedDocument document, string pointer, bool onKey, string value, bool forceQuotes)
    {
        if (onKey)
        {
            if (document.Map.KeySpan(pointer) is not { } key) return null;
            var keyText = YamlScalarText.InStyleOf(YamlScalarStyle.Plain, value, forceQuotes);
            return keyText is null ? null : (TextEdit.Replace(key, keyText), key.Line, key.Column);
        }
        if (document.Map.Scalar(pointer) is not { } scalar || scalar.SourceText.Length == 0 || scalar.SourceText[0] is '&' or '!'
            || document.Map.ValueSpan(pointer) is not { } span)
            return null;
        var text = YamlScalarText.InStyleOf(scalar.Style, value, forceQuotes);
        return text is null || text == scalar.SourceText ? null : (TextEdit.Replace(span, text), span.Line, span.Column);
    }

    private static void SetExpected(string pointer, string value, JsonNode? record, JsonNode? authoring)
    {
        var authoringPrefix = "/" + LoadOptions.Default.AuthoringBlockKey;
        if (authoring is not null && pointer.StartsWith(authoringPrefix + "/", StringComparison.Ordinal))
            JsonPointer.Replace(authoring, pointer[authoringPrefix.Length..], JsonValue.Create(value));
        else if (record is not null)
            JsonPointer.Replace(record, pointer, JsonValue.Create(value));
    }

    private static Round MoveRound(LoadedDocument document, IReadOnlyList<Reordering> reorderings)
    {
        var expectedRecord = ToNode(document.Record!.Value);
        var edits = new List<TextEdit>();
        var fixes = new List<AppliedFix>();
        foreach (var reordering in reorderings)
        {
            if (reordering.Edits.Any(e => edits.Any(other => other.Overlaps(e)))) continue;
            edits.AddRange(reordering.Edits);
            fixes.Add(reordering.Fix);
            if (reordering.ArrayPointer is { } pointer && JsonPointer.Get(expectedRecord, pointer) is JsonArray array)
            {
                var items = reordering.Order.Select(i => array[i]?.DeepClone()).ToArray();
                JsonPointer.Replace(expectedRecord!, pointer, new JsonArray(items));
            }
        }
        var expectedAuthoring = document.AuthoringBlock is { } block ? ToNode(block) : null;
        return new Round(edits, fixes, expectedRecord, expectedAuthoring);
    }

    private static JsonNode? ToNode(JsonElement element) => JsonNode.Parse(element.GetRawText());

    /// <summary>Validation's findings per document of a fix, counted per code, each document checked once.</summary>
    private sealed class FindingCounter(Func<LoadedDocument, IReadOnlyList<Finding>> findingsOf)
    {
        private readonly Dictionary<LoadedDocument, Dictionary<string, int>> _counts = new(ReferenceEqualityComparer.Instance);

        /// <summary>Whether <paramref name="after"/> has more findings of some code than <paramref name="before"/>.</summary>
        public bool Adds(LoadedDocument before, LoadedDocument after)
        {
            var old = CountsOf(before);
            return CountsOf(after).Any(pair => pair.Value > old.GetValueOrDefault(pair.Key));
        }

        private Dictionary<string, int> CountsOf(LoadedDocument document)
        {
            if (!_counts.TryGetValue(document, out var counts))
                _counts[document] = counts = findingsOf(document).GroupBy(f => f.Code).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return counts;
        }
    }
}
