using System.Security.Cryptography;
using System.Text;

namespace AdvisoryPipeline.Git;

/// <summary>
/// The object ID git (and GitHub) give a file's content: SHA-1 of <c>blob &lt;length&gt;\0&lt;bytes&gt;</c>. Every
/// target compares records by it, so that a GitHub tree listing tells what changed without downloading a blob.
/// </summary>
public static class GitBlobHash
{
    public static string Of(ReadOnlySpan<byte> content)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        hash.AppendData(Encoding.ASCII.GetBytes(FormattableString.Invariant($"blob {content.Length}\0")));
        hash.AppendData(content);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
