using System.Globalization;

namespace AdvisoryPipeline.FakeGitHub.Git;

/// <summary>
/// The author or committer line of a commit. Git keeps the local offset beside the Unix time, and the offset is
/// part of the hashed text, so it is kept here rather than normalised to UTC.
/// </summary>
public sealed record GitSignature(string Name, string Email, DateTimeOffset When)
{
    /// <summary>The text git writes after "author " or "committer ": <c>Name &lt;email&gt; 1700000000 +0200</c>.</summary>
    public string ToGitText()
    {
        var offset = When.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture,
            $"{Name} <{Email}> {When.ToUnixTimeSeconds()} {sign}{abs.Hours:00}{abs.Minutes:00}");
    }
}
