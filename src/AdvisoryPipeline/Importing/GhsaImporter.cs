using System.Text.Json;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Editing;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Identifiers;
using AdvisoryPipeline.Publishing.Ghsa;
using AdvisoryPipeline.Publishing.GitHub;

namespace AdvisoryPipeline.Importing;

/// <summary>Where <c>advisory import ghsa</c> writes and how it names new advisories.</summary>
/// <param name="Folder">The advisory folder's full path.</param>
/// <param name="NewId">A placeholder ID, unique in the folder, for a slug.</param>
/// <param name="SchemaReference">The modeline's schema path, or null.</param>
public sealed record GhsaImportTarget(string Folder, string WorkingDirectory, Func<string, AdvisoryId> NewId, string? SchemaReference);

/// <summary>
/// <c>advisory import ghsa OWNER/REPO</c>: every repository security advisory of the chosen states (through Octokit,
/// all pages) becomes an advisory with a placeholder ID and the GHSA ID as alias (<see cref="GhsaAdvisoryImport"/>).
/// Drafts and triage never leak: they get <c>embargo_until</c> far in the future, which only a maintainer removes.
/// An advisory imported before (found by its GHSA alias) is re-imported field by field: GitHub's value is taken only
/// where the YAML still holds what was imported last; a maintainer's edit stays. Nothing changed, nothing written.
/// </summary>
public static class GhsaImporter
{
    /// <summary>The embargo of an imported draft: until a maintainer removes it.</summary>
    public static readonly DateTimeOffset UntilRemoved = new(9999, 12, 31, 23, 59, 59, TimeSpan.Zero);

    public static readonly IReadOnlyList<string> DefaultStates = ["triage", "draft", "published"];

    /// <returns>One line per advisory: created, updated (with the fields), unchanged.</returns>
    public static async Task<IReadOnlyList<string>> ImportAsync(GitHubTargetOptions options, string owner, string repository,
        IReadOnlyCollection<string> states, GhsaImportTarget target, DateTimeOffset now, CancellationToken cancellation = default)
    {
        var runner = new GitHubRequestRunner(options.Retry, options.Delay, options.Clock);
        var api = new GhsaApi(options.Connect(), options.ApiBaseUrl, owner, repository, runner);
        var advisories = (await api.ListJsonAsync(cancellation))
            .Where(a => a.GhsaId is { Length: > 0 } && states.Contains(a.State ?? "", StringComparer.Ordinal))
            .OrderBy(a => a.GhsaId, StringComparer.Ordinal)
            .ToList();
        var lines = new List<string>();
        var folder = AdvisoryFolder.Load(target.Folder, target.WorkingDirectory);
        foreach (var advisory in advisories)
        {
            var existing = folder.Advisories.FirstOrDefault(a => DocumentValues.At(a.Document, "/aliases") is { ValueKind: JsonValueKind.Array } aliases
                && aliases.EnumerateArray().Any(alias => alias.ValueKind == JsonValueKind.String && alias.GetString() == advisory.GhsaId));
            lines.Add(existing is null ? Create(advisory, target, now) : Reimport(advisory, existing, now));
        }
        return lines;
    }

    private static string Create(GhsaAdvisoryJson advisory, GhsaImportTarget target, DateTimeOffset now)
    {
        var id = target.NewId(AdvisoryId.SlugOf(advisory.Summary ?? advisory.GhsaId!));
        var imported = GhsaAdvisoryImport.Import(advisory, id.ToString(), now);
        var secret = advisory.State is "draft" or "triage";
        var notes = $"Imported from {advisory.GhsaId} ({advisory.State} on GitHub) on {OsvTimestamp.FormatWholeSeconds(now)}."
            + (secret ? " It is not public: remove embargo_until when it may be published." : "")
            + (imported.Notes.Count > 0 ? "\nLeft out:" + string.Concat(imported.Notes.Select(note => "\n- " + note)) : "");
        var authoring = new AuthoringBlock(secret ? UntilRemoved : null, notes, GhsaImport: GhsaAdvisoryImport.Fingerprints(imported.Record));
        var path = Path.Combine(target.Folder, id + ".yaml");
        AdvisoryFileWriter.Write(path, AdvisoryYamlWriter.Write(imported.Record, authoring, target.SchemaReference), byteOrderMark: false);
        return $"created {AdvisoryFileDiscovery.Display(path, target.WorkingDirectory)} ({advisory.GhsaId}, {advisory.State}{(secret ? ", under embargo" : "")})";
    }

    private static string Reimport(GhsaAdvisoryJson advisory, FolderAdvisory existing, DateTimeOffset now)
    {
        if (LoadedAdvisory.From(existing.Document, out _) is not { } loaded)
            return $"{existing.DisplayPath}: not re-imported from {advisory.GhsaId}: the file has errors";
        var fromGitHub = GhsaAdvisoryImport.Import(advisory, loaded.Id, now).Record;
        var merge = GhsaAdvisoryImport.Merge(loaded.Record, loaded.Authoring.GhsaImport, fromGitHub);
        var kept = merge.Kept.Count > 0 ? $"; kept the YAML's {string.Join(", ", merge.Kept)}" : "";
        var fingerprintsChanged = loaded.Authoring.GhsaImport is not { } old || !old.OrderBy(p => p.Key).SequenceEqual(merge.Fingerprints.OrderBy(p => p.Key));
        if (merge.Taken.Count == 0 && !fingerprintsChanged)
            return $"{existing.DisplayPath}: unchanged ({advisory.GhsaId}){kept}";
        var authoring = loaded.Authoring with { GhsaImport = merge.Fingerprints };
        // Span edits keep the maintainers' comments and layout; a file they cannot edit safely is written whole.
        var text = GhsaReimportEdit.Apply(existing.Document, merge.Record, authoring, merge.Taken)
            ?? AdvisoryYamlWriter.Write(merge.Record, authoring, SchemaReferenceOf(existing.Document.Text));
        AdvisoryFileWriter.Write(existing.FullPath, text, existing.Document.HasByteOrderMark);
        return $"{existing.DisplayPath}: updated from {advisory.GhsaId}" + (merge.Taken.Count > 0 ? $" ({string.Join(", ", merge.Taken)})" : "") + kept;
    }

    private static string? SchemaReferenceOf(string text)
    {
        const string Modeline = "# yaml-language-server: $schema=";
        return text.StartsWith(Modeline, StringComparison.Ordinal) ? text[Modeline.Length..text.IndexOf('\n')].TrimEnd('\r') : null;
    }
}
