using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using AdvisoryPipeline.Authoring;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Lint.History;

/// <summary>
/// Reads the advisories of a folder as they are at a git reference, with the git command-line tool: one
/// <c>git ls-tree</c> to list them and one <c>git cat-file --batch</c> to read them all, so that a database of
/// 50,000 advisories costs two processes, not 50,000.
/// </summary>
public static class GitBaseReader
{
    /// <param name="repository">Any folder inside the work tree.</param>
    /// <param name="gitRef">A commit, branch or tag, e.g. <c>origin/main</c>.</param>
    /// <param name="advisoriesFolder">The folder of the advisories, relative to the repository root, e.g. <c>advisories</c>.</param>
    /// <param name="error">Why it failed: git missing, not a repository, unknown reference.</param>
    public static bool TryRead(string repository, string gitRef, string advisoriesFolder,
        [NotNullWhen(true)] out GitBaseSnapshot? snapshot, [NotNullWhen(false)] out string? error)
    {
        snapshot = null;
        if (gitRef.StartsWith('-'))
        {
            error = $"{gitRef} is not a git reference";
            return false;
        }
        if (!Git.TryRun(repository, ["rev-parse", "--verify", "--quiet", "--end-of-options", gitRef + "^{commit}"], null, out var commitBytes, out error))
        {
            error = $"cannot read {gitRef}: {(error.Length == 0 ? "no such commit, branch or tag" : error)}";
            return false;
        }
        var commit = Encoding.UTF8.GetString(commitBytes).Trim();

        var folder = advisoriesFolder.Replace('\\', '/').TrimEnd('/');
        if (!Git.TryRun(repository, ["ls-tree", "-r", "-z", "--full-tree", commit, "--", folder.Length == 0 ? "." : folder], null,
                out var listing, out error))
        {
            error = $"cannot list {folder} at {gitRef}: {error}";
            return false;
        }
        var blobs = ParseTree(listing);
        if (blobs.Count == 0)
        {
            snapshot = new GitBaseSnapshot(gitRef, commit, [], []);
            return true;
        }

        var request = new StringBuilder();
        foreach (var (_, objectId) in blobs) request.Append(objectId).Append('\n');
        if (!Git.TryRun(repository, ["cat-file", "--batch"], Encoding.ASCII.GetBytes(request.ToString()), out var contents, out error))
        {
            error = $"cannot read the advisories at {gitRef}: {error}";
            return false;
        }
        snapshot = ReadAdvisories(gitRef, commit, blobs, contents);
        return true;
    }

    /// <summary>Entries of <c>ls-tree -z</c>: <c>mode SP type SP object TAB path NUL</c>; advisory blobs only.</summary>
    private static List<(string Path, string ObjectId)> ParseTree(byte[] listing)
    {
        var blobs = new List<(string, string)>();
        foreach (var entry in Encoding.UTF8.GetString(listing).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = entry.IndexOf('\t');
            var fields = entry[..tab].Split(' ');
            var path = entry[(tab + 1)..];
            if (fields[1] == "blob" && AdvisoryFileDiscovery.IsAdvisoryFileName(Path.GetFileName(path))
                && !path.Split('/').Any(segment => segment.StartsWith('.')))
                blobs.Add((path, fields[2]));
        }
        blobs.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return blobs;
    }

    /// <summary><c>cat-file --batch</c> answers each object with <c>oid SP type SP size LF</c>, the content, and LF.</summary>
    private static GitBaseSnapshot ReadAdvisories(string gitRef, string commit, List<(string Path, string ObjectId)> blobs, byte[] output)
    {
        var advisories = new List<BaseAdvisory>(blobs.Count);
        var unreadable = new List<string>();
        var position = 0;
        foreach (var (path, _) in blobs)
        {
            var headerEnd = Array.IndexOf(output, (byte)'\n', position);
            var header = Encoding.ASCII.GetString(output, position, headerEnd - position).Split(' ');
            position = headerEnd + 1;
            if (header.Length < 3 || !int.TryParse(header[2], System.Globalization.CultureInfo.InvariantCulture, out var size))
            {
                unreadable.Add(path);
                continue;
            }
            var content = output.AsSpan(position, size);
            position += size + 1;
            if (Summarize(path, content) is { } advisory) advisories.Add(advisory);
            else unreadable.Add(path);
        }
        return new GitBaseSnapshot(gitRef, commit, advisories, unreadable);
    }

    private static BaseAdvisory? Summarize(string path, ReadOnlySpan<byte> content)
    {
        var document = AdvisoryYamlLoader.Load(path, content);
        if (document.Record is not { ValueKind: JsonValueKind.Object } record) return null;
        var id = StringProperty(record, "id");
        return string.IsNullOrEmpty(id) ? null : new BaseAdvisory(path, id, StringProperty(record, "published"), StringProperty(record, "modified"));
    }

    private static string? StringProperty(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
