using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.FileSystem;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Loading.Yaml;
using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Lifecycle;

/// <summary>
/// <c>advisories/.id-allocator</c>: the last number given out in each year, so that a number is never given
/// out twice even after its advisory is deleted, and a digest of the last allocation. Every run of
/// <c>assign-ids</c> that gives out IDs rewrites the allocation line with content no other run produces, so
/// two branches that both allocated from the same base conflict on this file when merged, instead of
/// silently minting the same ID twice.
/// </summary>
public sealed record IdAllocatorFile(IReadOnlyList<AdvisoryId> LastAssigned, string? Allocation)
{
    public const string FileName = ".id-allocator";

    public static IdAllocatorFile Empty { get; } = new([], null);

    private const string LastPrefix = "last ";
    private const string AllocationPrefix = "allocation ";

    private static readonly string Header =
        """
        # Written by 'advisory assign-ids': do not edit by hand.
        # "last" lines hold the last number given out per year, so that no number is ever given out twice.
        # The allocation line changes at every run that gives out IDs, so two branches that both did so
        # conflict here when merged. Resolve by dropping one branch's assign-ids commit, merging, and
        # running 'advisory assign-ids' again on the result.
        """.ReplaceLineEndings("\n");

    /// <summary>Most an allocator file can hold: a line per year and one allocation line.</summary>
    private const int MaxBytes = 1 << 20;

    /// <summary>
    /// Reads the allocator file of a folder: none yet is <see cref="Empty"/>. Only a regular file is read: the file is
    /// committed, so a link to <c>/proc/self/environ</c> or a FIFO in its place must never be opened, let alone quoted.
    /// </summary>
    public static bool TryRead(string path, string prefix, [NotNullWhen(true)] out IdAllocatorFile? file, [NotNullWhen(false)] out string? error)
    {
        file = null;
        switch (FileKinds.Of(path))
        {
            case FileKind.Missing:
                file = Empty;
                error = null;
                return true;
            case FileKind.RegularFile:
                using (var content = BoundedFileReader.Read(path, MaxBytes))
                {
                    if (content.Problem is { } problem)
                    {
                        error = problem.Message;
                        return false;
                    }
                    if (!YamlTextDecoder.TryDecode(path, content.Content, out var text, out _, out _))
                    {
                        error = "it is not UTF-8 text; restore it from the history of the repository";
                        return false;
                    }
                    return TryParse(text, prefix, out file, out error);
                }
            default:
                error = "it is not a regular file (a symbolic link, a folder, a FIFO or a device), so it is not read; restore it from the history of the repository";
                return false;
        }
    }

    /// <summary>Reads the file's text; <paramref name="error"/> explains an unreadable line (merge conflict markers included).</summary>
    public static bool TryParse(string text, string prefix, [NotNullWhen(true)] out IdAllocatorFile? file, [NotNullWhen(false)] out string? error)
    {
        file = null;
        var last = new List<AdvisoryId>();
        string? allocation = null;
        var lineNumber = 0;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("<<<<<<<", StringComparison.Ordinal) || line.StartsWith("=======", StringComparison.Ordinal)
                || line.StartsWith(">>>>>>>", StringComparison.Ordinal))
            {
                error = $"line {lineNumber} is a merge conflict marker: two branches gave out IDs concurrently; drop one branch's assign-ids commit, merge, and run assign-ids again";
                return false;
            }
            if (line.StartsWith(LastPrefix, StringComparison.Ordinal)
                && AdvisoryId.TryParse(line[LastPrefix.Length..].Trim(), prefix, out var id) && !id.IsPlaceholder)
            {
                last.Add(id);
                continue;
            }
            if (line.StartsWith(AllocationPrefix, StringComparison.Ordinal))
            {
                allocation = line[AllocationPrefix.Length..];
                continue;
            }
            error = $"line {lineNumber} is neither \"last {prefix}-YYYY-N\" nor \"allocation …\": {Excerpt.Of(raw.Trim())}";
            return false;
        }
        file = new IdAllocatorFile(last, allocation);
        error = null;
        return true;
    }

    public string Format()
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var id in LastAssigned.OrderBy(id => id.Year)) text.Append(LastPrefix).Append(id).Append('\n');
        if (Allocation is not null) text.Append(AllocationPrefix).Append(Allocation).Append('\n');
        return text.ToString();
    }

    /// <summary>The allocation line for a run: a digest of what it did (mappings and resulting file contents), then the mappings.</summary>
    public static string DescribeAllocation(IEnumerable<(AdvisoryId From, AdvisoryId To, string Content)> assignments)
    {
        var list = assignments.ToList();
        var digest = new StringBuilder();
        foreach (var (from, to, content) in list) digest.Append(from).Append('\n').Append(to).Append('\n').Append(content).Append('\0');
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(digest.ToString())));
        return string.Create(CultureInfo.InvariantCulture, $"sha256:{hash} {string.Join(", ", list.Select(a => $"{a.From} -> {a.To}"))}");
    }
}
