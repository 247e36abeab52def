using System.Text;

namespace AdvisoryPipeline.FakeGitHub.Git;

/// <summary>
/// A commit object in git's text format. The message is stored byte for byte as given (no newline added), which
/// is what the REST API does and what <c>git commit-tree</c> does with a message read from standard input.
/// </summary>
public sealed class GitCommit : GitObject
{
    private readonly byte[] _body;

    public GitCommit(string treeSha, IReadOnlyList<string> parentShas, GitSignature author, GitSignature committer, string message)
    {
        TreeSha = treeSha;
        ParentShas = parentShas;
        Author = author;
        Committer = committer;
        Message = message;
        var text = new StringBuilder();
        text.Append("tree ").Append(treeSha).Append('\n');
        foreach (var parent in parentShas)
            text.Append("parent ").Append(parent).Append('\n');
        text.Append("author ").Append(author.ToGitText()).Append('\n');
        text.Append("committer ").Append(committer.ToGitText()).Append('\n');
        text.Append('\n').Append(message);
        _body = Encoding.UTF8.GetBytes(text.ToString());
    }

    public string TreeSha { get; }

    public IReadOnlyList<string> ParentShas { get; }

    public GitSignature Author { get; }

    public GitSignature Committer { get; }

    public string Message { get; }

    public override string Type => "commit";

    public override ReadOnlySpan<byte> Body => _body;
}
