using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using AdvisoryPipeline.Git;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Lint.History;

/// <summary>
/// Reads, as they are at a git reference, the advisories of a folder whose files differ in the work tree: one
/// <c>git diff</c> names them and one <c>git cat-file --batch</c> reads them all. An advisory whose file is
/// unchanged cannot break a history rule, so a pull request that touches three of 50,000 advisories reads three.
/// </summary>
public static class GitBaseReader
{
    /// <summary>
    /// Like <see cref="TryRead(string, string, string, out GitBaseSnapshot?, out string?)"/> for an advisory folder
    /// given by its path on disk: the repository is the one that contains it.
    /// </summary>
    public static bool TryReadFolder(string folder, string gitRef,
        [NotNullWhen(true)] out GitBaseSnapshot? snapshot, [NotNullWhen(false)] out string? error)
    {
        snapshot = null;
        if (!new GitRunner(folder).TryRun(["rev-parse", "--show-toplevel"], out var rootBytes, out error))
        {
            error = $"{folder} is not inside a git work tree: {error}";
            return false;
        }
        var root = Encoding.UTF8.GetString(rootBytes).Trim();
        var relative = Path.GetRelativePath(root, Path.GetFullPath(folder));
        return TryRead(folder, gitRef, relative == "." ? "" : relative, out snapshot, out error);
    }

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
        if (!new GitRunner(repository).TryRun(["rev-parse", "--verify", "--quiet", "--end-of-options", gitRef + "^{commit}"], out var commitBytes, out error))
        {
            error = $"cannot read {gitRef}: {(error.Length == 0 ? "no such commit, branch or tag" : error)}";
            return false;
        }
        var commit = Encoding.UTF8.GetString(commitBytes).Trim();

        // Paths from the repository root whatever the working directory: ":(top)" for the pathspec, and
        // diff prints root-relative names unless told otherwise.
        var folder = advisoriesFolder.Replace('\\', '/').Trim('/');
        if (!new GitRunner(repository).TryRun(["diff", "--name-only", "-z", "--no-renames", commit, "--", ":(top)" + folder],
                out var listing, out error))
        {
            error = $"cannot compare {folder} with {gitRef}: {error}";
            return false;
        }
        var paths = AdvisoryPaths(listing);
        if (paths.Count == 0)
        {
            snapshot = new GitBaseSnapshot(gitRef, commit, [], []);
            return true;
        }

        var request = new StringBuilder();
        foreach (var path in paths) request.Append(commit).Append(':').Append(path).Append('\n');
        GitBaseSnapshot? read = null;
        if (!new GitRunner(repository).TryRun(["cat-file", "--batch"], Encoding.UTF8.GetBytes(request.ToString()),
                stdout => read = ReadAdvisories(gitRef, commit, paths, stdout), out error))
        {
            error = $"cannot read the advisories at {gitRef}: {error}";
            return false;
        }
        snapshot = read!;
        return true;
    }

    /// <summary>The advisory files among NUL-separated paths, sorted; hidden files and folders are not advisories.</summary>
    private static List<string> AdvisoryPaths(byte[] listing)
    {
        var paths = new List<string>();
        foreach (var path in Encoding.UTF8.GetString(listing).Split('\0', StringSplitOptions.RemoveEmptyEntries))
            if (AdvisoryFileDiscovery.IsAdvisoryFileName(Path.GetFileName(path)) && !path.Split('/').Any(segment => segment.StartsWith('.')))
                paths.Add(path);
        paths.Sort(StringComparer.Ordinal);
        return paths;
    }

    /// <summary>
    /// <c>cat-file --batch</c> answers each object with <c>oid SP type SP size LF</c>, the content and LF, or with
    /// <c>name SP missing LF</c> for a file added since the reference. Each file is summarised as it streams by.
    /// </summary>
    private static GitBaseSnapshot ReadAdvisories(string gitRef, string commit, List<string> paths, Stream output)
    {
        var advisories = new List<BaseAdvisory>(paths.Count);
        var unreadable = new List<string>();
        var content = new byte[64 * 1024];
        foreach (var path in paths)
        {
            var header = ReadLine(output);
            if (header is null) break;
            if (header.EndsWith(" missing", StringComparison.Ordinal)) continue;
            var fields = header.Split(' ');
            if (fields.Length != 3 || fields[1] != "blob"
                || !int.TryParse(fields[2], System.Globalization.CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                // Not a file at the reference (a folder of that name): nothing follows the header to skip.
                unreadable.Add(path);
                continue;
            }
            if (content.Length < size) content = new byte[size];
            output.ReadExactly(content, 0, size);
            output.ReadByte();
            if (Summarize(path, content.AsSpan(0, size)) is { } advisory) advisories.Add(advisory);
            else unreadable.Add(path);
        }
        return new GitBaseSnapshot(gitRef, commit, advisories, unreadable);
    }

    private static string? ReadLine(Stream stream)
    {
        var line = new StringBuilder();
        for (var b = stream.ReadByte(); b != '\n'; b = stream.ReadByte())
        {
            if (b < 0) return null;
            line.Append((char)b);
        }
        return line.ToString();
    }

    private static BaseAdvisory? Summarize(string path, ReadOnlySpan<byte> content)
    {
        var document = AdvisoryFileLoader.Load(path, content);
        if (document.Record is not { ValueKind: JsonValueKind.Object } record) return null;
        var id = StringProperty(record, "id");
        return string.IsNullOrEmpty(id) ? null : new BaseAdvisory(path, id, StringProperty(record, "published"), StringProperty(record, "modified"));
    }

    private static string? StringProperty(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
