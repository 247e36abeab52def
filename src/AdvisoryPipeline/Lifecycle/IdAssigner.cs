using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdvisoryPipeline.Editing;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Lifecycle;

/// <summary>A placeholder and the ID it gets.</summary>
public sealed record IdAssignment(FolderAdvisory Advisory, AdvisoryId Placeholder, AdvisoryId Assigned);

/// <summary>A file's new text and where it goes (a renamed placeholder file moves to its new ID's name).</summary>
public sealed record FileRewrite(FolderAdvisory Advisory, string NewText, string NewFullPath);

/// <summary>What <c>assign-ids</c> will do; nothing is written until <see cref="IdAssigner.Apply"/>.</summary>
public sealed record IdAssignmentPlan(IReadOnlyList<IdAssignment> Assignments, IReadOnlyList<FileRewrite> Rewrites, IdAllocatorFile Allocator)
{
    public bool IsEmpty => Assignments.Count == 0;
}

/// <summary>
/// Gives every placeholder (<c>PREFIX-0000-slug</c>) of a folder the next free number of its year:
/// <c>PREFIX-YYYY-N</c>, the year of <c>published</c> (of now when it has none), N one more than the highest
/// number of that year among the folder's IDs, file names and the allocator file, so numbers are never
/// reused. Placeholders are numbered in order of publication, then of ID. The file is renamed to the new ID
/// and, in every advisory of the folder, each scalar that mentions the placeholder as a whole word (the ID
/// itself, an ADVISORY reference URL, <c>related</c> of another new advisory, a sentence in details) is
/// rewritten in place; comments are left as they are. Every rewritten file is loaded again and must give the
/// record with exactly those replacements, otherwise nothing is written.
/// </summary>
public static class IdAssigner
{
    public static IdAssignmentPlan Plan(AdvisoryFolder folder, string prefix, IdAllocatorFile allocator, DateTimeOffset now, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        problems = found;
        // A file that is not read might hold a placeholder or an ID: numbering without it could give out an ID twice.
        foreach (var refused in folder.Refused)
            found.Add($"{refused.Location.File}: {refused.Message}; remove it or make it a regular file, then run assign-ids again");
        foreach (var unreadable in folder.Advisories.Where(a => a.Document.Record is null))
            found.Add($"{unreadable.DisplayPath}: cannot be read, so its ID is unknown; correct its errors first (advisory validate)");

        var placeholders = new List<(FolderAdvisory Advisory, AdvisoryId Id, int Year, DateTimeOffset Published)>();
        var lastByYear = new Dictionary<int, int>();
        foreach (var id in allocator.LastAssigned) Raise(lastByYear, id);
        foreach (var advisory in folder.Advisories)
        {
            if (AdvisoryId.TryParse(Path.GetFileNameWithoutExtension(advisory.FullPath), prefix, out var fromName) && !fromName.IsPlaceholder)
                Raise(lastByYear, fromName);
            if (advisory.Id is not { } text || !AdvisoryId.TryParse(text, prefix, out var id)) continue;
            if (!id.IsPlaceholder)
            {
                Raise(lastByYear, id);
                continue;
            }
            var published = advisory.Document.Record is { } record && DocumentValues.StringAt(record, "/published") is { } p
                && OsvTimestamp.TryParseSet(p, out var parsed) ? parsed : now;
            placeholders.Add((advisory, id, published.UtcDateTime.Year, published));
        }

        foreach (var duplicate in placeholders.GroupBy(p => p.Id.ToString(), StringComparer.Ordinal).Where(g => g.Count() > 1))
            found.Add($"{duplicate.Key} is the ID of several files ({string.Join(", ", duplicate.Select(p => p.Advisory.DisplayPath))}); give each its own placeholder");

        var assignments = new List<IdAssignment>();
        foreach (var (advisory, id, year, _) in placeholders.OrderBy(p => p.Published).ThenBy(p => p.Id.ToString(), StringComparer.Ordinal))
        {
            var number = lastByYear.GetValueOrDefault(year) + 1;
            lastByYear[year] = number;
            assignments.Add(new IdAssignment(advisory, id, AdvisoryId.Assigned(prefix, year, number)));
        }
        if (assignments.Count == 0 || found.Count > 0) return new IdAssignmentPlan([], [], allocator);

        var rewrites = Rewrites(folder, assignments, found);
        if (found.Count > 0) return new IdAssignmentPlan([], [], allocator);
        var last = lastByYear.Select(pair => AdvisoryId.Assigned(prefix, pair.Key, pair.Value)).OrderBy(id => id.Year).ToList();
        var allocation = IdAllocatorFile.DescribeAllocation(assignments.Select(a =>
            (a.Placeholder, a.Assigned, rewrites.FirstOrDefault(r => r.Advisory == a.Advisory)?.NewText ?? "")));
        return new IdAssignmentPlan(assignments, rewrites, new IdAllocatorFile(last, allocation));
    }

    /// <summary>Writes the files (each atomically), renames the placeholder files, then the allocator file.</summary>
    public static void Apply(IdAssignmentPlan plan, string allocatorPath)
    {
        foreach (var rewrite in plan.Rewrites)
        {
            AdvisoryFileWriter.Write(rewrite.Advisory.FullPath, rewrite.NewText, rewrite.Advisory.Document.HasByteOrderMark);
            if (rewrite.NewFullPath != rewrite.Advisory.FullPath) File.Move(rewrite.Advisory.FullPath, rewrite.NewFullPath);
        }
        AdvisoryFileWriter.Write(allocatorPath, plan.Allocator.Format(), byteOrderMark: false);
    }

    private static void Raise(Dictionary<int, int> lastByYear, AdvisoryId id) =>
        lastByYear[id.Year!.Value] = Math.Max(lastByYear.GetValueOrDefault(id.Year.Value), id.Number!.Value);

    private static List<FileRewrite> Rewrites(AdvisoryFolder folder, IReadOnlyList<IdAssignment> assignments, List<string> problems)
    {
        var replacements = assignments.ToDictionary(a => a.Placeholder.ToString(), a => a.Assigned.ToString(), StringComparer.Ordinal);
        // A whole ID: not part of a longer word or of a longer placeholder (TSSA-0000-foo inside TSSA-0000-foo-2).
        var pattern = new Regex(
            "(?<![A-Za-z0-9-])(?:" + string.Join("|", replacements.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)) + ")(?!-?[A-Za-z0-9])",
            RegexOptions.CultureInvariant);
        string Replace(string text) => pattern.Replace(text, match => replacements[match.Value]);

        var rewrites = new List<FileRewrite>();
        foreach (var advisory in folder.Advisories)
        {
            var assignment = assignments.FirstOrDefault(a => a.Advisory == advisory);
            var newPath = assignment is null ? advisory.FullPath
                : Path.Combine(Path.GetDirectoryName(advisory.FullPath)!, assignment.Assigned + Path.GetExtension(advisory.FullPath));
            if (newPath != advisory.FullPath && File.Exists(newPath))
            {
                problems.Add($"{advisory.DisplayPath}: cannot become {Path.GetFileName(newPath)}, which already exists");
                continue;
            }
            var document = advisory.Document;
            if (!pattern.IsMatch(document.Text) && assignment is null) continue;

            var edits = new List<TextEdit>();
            foreach (var (pointer, value) in DocumentValues.Scalars(document))
            {
                if (value.ValueKind != JsonValueKind.String || document.Map.Scalar(pointer) is not { } scalar
                    || document.Map.ValueSpan(pointer) is not { } span) continue;
                var replaced = Replace(scalar.SourceText);
                if (replaced != scalar.SourceText) edits.Add(TextEdit.Replace(span, replaced));
            }
            var newText = TextEdit.ApplyAll(document.Text, edits);
            if (!KeepsRecord(document, newText, Replace))
            {
                problems.Add($"{advisory.DisplayPath}: the placeholder could not be replaced by editing its values in place (is it split over lines or written with escapes?); replace it by hand");
                continue;
            }
            if (edits.Count > 0 || newPath != advisory.FullPath) rewrites.Add(new FileRewrite(advisory, newText, newPath));
        }
        return rewrites;
    }

    /// <summary>Whether the new text loads to the old record and authoring block with every string replaced as intended.</summary>
    private static bool KeepsRecord(LoadedDocument before, string newText, Func<string, string> replace)
    {
        var after = AdvisoryFileLoader.Load(before.Path, Encoding.UTF8.GetBytes(newText));
        var expectedRecord = Node(before.Record);
        var expectedAuthoring = Node(before.AuthoringBlock);
        ReplaceStrings(expectedRecord, replace);
        ReplaceStrings(expectedAuthoring, replace);
        return after.Record is { } record
            && JsonNode.DeepEquals(expectedRecord, Node(record))
            && JsonNode.DeepEquals(expectedAuthoring, Node(after.AuthoringBlock));
    }

    private static JsonNode? Node(JsonElement? element) => element is { } e ? JsonNode.Parse(e.GetRawText()) : null;

    private static void ReplaceStrings(JsonNode? node, Func<string, string> replace)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                    if (Replaced(child, replace) is { } value) obj[key] = value;
                    else ReplaceStrings(child, replace);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    if (Replaced(array[i], replace) is { } value) array[i] = value;
                    else ReplaceStrings(array[i], replace);
                break;
        }
    }

    private static JsonValue? Replaced(JsonNode? node, Func<string, string> replace) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? JsonValue.Create(replace(value.GetValue<string>())) : null;
}
