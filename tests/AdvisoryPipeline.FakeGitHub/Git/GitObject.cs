using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AdvisoryPipeline.FakeGitHub.Git;

/// <summary>
/// A loose git object: its identity is the SHA-1 of <c>"&lt;type&gt; &lt;length&gt;\0&lt;body&gt;"</c>, exactly as
/// git computes it, so that ids produced by the fake are the ids a real repository would have.
/// </summary>
public abstract class GitObject
{
    private string? _sha;

    /// <summary>"blob", "tree" or "commit": the word git writes into the object header.</summary>
    public abstract string Type { get; }

    /// <summary>The object's content after the header, in git's own encoding.</summary>
    public abstract ReadOnlySpan<byte> Body { get; }

    public string Sha => _sha ??= ComputeSha(Type, Body);

    public static string ComputeSha(string type, ReadOnlySpan<byte> body)
    {
        var header = Encoding.ASCII.GetBytes(type + " " + body.Length.ToString(CultureInfo.InvariantCulture) + "\0");
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha1.AppendData(header);
        sha1.AppendData(body);
        return Convert.ToHexStringLower(sha1.GetHashAndReset());
    }
}

public sealed class GitBlob(byte[] content) : GitObject
{
    private readonly byte[] _content = content;

    public override string Type => "blob";

    public override ReadOnlySpan<byte> Body => _content;

    public int Size => _content.Length;

    public static GitBlob FromText(string text) => new(Encoding.UTF8.GetBytes(text));
}
