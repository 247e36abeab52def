using System.Text;

namespace AdvisoryPipeline.Publishing.Git;

/// <summary>
/// What a git: publish is about to do, written before the branch moves: the branch, its old and new commit, and the
/// working tree that has it checked out. Four lines in <c>.git/advisory-publish-journal</c>, written whole (a
/// temporary file renamed into place), so that a run killed at any moment leaves either no journal or a readable one.
/// </summary>
internal sealed record PublishJournal(string Branch, string OldHead, string Commit, string? Worktree)
{
    public const string FileName = "advisory-publish-journal";

    public async Task WriteAsync(string path)
    {
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, $"{Branch}\n{OldHead}\n{Commit}\n{Worktree}\n", new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The journal at <paramref name="path"/>, or null when there is none or it is not one of ours.</summary>
    public static PublishJournal? TryRead(string path)
    {
        if (!File.Exists(path)) return null;
        var lines = File.ReadAllText(path).Split('\n');
        if (lines.Length < 4 || lines[0].Length == 0 || !IsSha(lines[1]) || !IsSha(lines[2])) return null;
        return new PublishJournal(lines[0], lines[1], lines[2], lines[3].Length == 0 ? null : lines[3]);
    }

    private static bool IsSha(string text) => text.Length is 40 or 64 && text.All(char.IsAsciiHexDigitLower);
}
