using System.Diagnostics.CodeAnalysis;

namespace AdvisoryPipeline.Osv.Versions;

/// <summary>
/// Maven versions, ordered as the POM reference's "Version Order Specification" describes
/// <c>ComparableVersion</c> (https://maven.apache.org/pom.html#version-order-specification).
/// </summary>
/// <remarks>
/// The version is cut into tokens at <c>.</c>, <c>-</c> and every digit/non-digit transition (which counts as
/// <c>-</c>); each token remembers its separator and an empty token is <c>0</c>. Qualifiers are lower-cased;
/// <c>a</c>, <c>b</c>, <c>m</c> directly followed by a digit mean alpha, beta, milestone; <c>cr</c> is
/// <c>rc</c>; <c>ga</c>, <c>final</c> and <c>release</c> rank as the empty (release) qualifier. As the current
/// specification says <c>.qualifier = -qualifier</c>, a qualifier is always treated as hyphen-separated
/// (Maven 3.9 does the same: <c>1.0.RC1 == 1.0-RC1</c>). Trailing "null" tokens (0 and the release
/// qualifier) are trimmed at the end and before every hyphen-separated part (see <see cref="Trim"/>).
/// Maven releases disagree on rare forms such as <c>1-0-2</c>; where they do, the specification's text wins.
/// Anything is a Maven version to Maven; only strings Maven's model validator refuses (empty, containing
/// whitespace or one of <c>\ / : " &lt; &gt; | ? *</c>) are rejected. <c>_</c> is not a separator, as in
/// ComparableVersion (the POM text mentions it, the implementation does not).
/// </remarks>
internal sealed class MavenScheme : VersionScheme
{
    public static readonly MavenScheme Instance = new();

    private const string ForbiddenCharacters = "\\/:\"<>|?*";

    private MavenScheme() { }

    public override string Name => "Maven";

    private protected override bool TryParseVersion(
        string text, [NotNullWhen(true)] out ParsedVersion? version, [NotNullWhen(false)] out string? reason)
    {
        version = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c) || ForbiddenCharacters.Contains(c))
            {
                reason = $"{QuotedText.Of(c)} at position {i + 1} is not allowed in a Maven version";
                return false;
            }
        }
        version = new MavenVersion(text, Trim(Tokenize(text.ToLowerInvariant())));
        reason = null;
        return true;
    }

    private static List<MavenToken> Tokenize(string lower)
    {
        var tokens = new List<MavenToken>();
        var separator = MavenSeparator.None;
        var pieceStart = 0;
        for (var i = 0; i <= lower.Length; i++)
        {
            if (i < lower.Length && lower[i] is not ('.' or '-')) continue;
            AddPiece(tokens, lower.AsSpan(pieceStart, i - pieceStart), separator);
            if (i < lower.Length) separator = lower[i] == '.' ? MavenSeparator.Dot : MavenSeparator.Hyphen;
            pieceStart = i + 1;
        }
        return tokens;
    }

    /// <summary>Adds the tokens of one piece between separators; runs after the first are hyphen-separated.</summary>
    private static void AddPiece(List<MavenToken> tokens, ReadOnlySpan<char> piece, MavenSeparator separator)
    {
        if (piece.IsEmpty)
        {
            tokens.Add(MavenToken.Number(separator, "0"));
            return;
        }
        var start = 0;
        while (start < piece.Length)
        {
            var digits = DigitString.IsAsciiDigit(piece[start]);
            var end = start + 1;
            while (end < piece.Length && DigitString.IsAsciiDigit(piece[end]) == digits) end++;
            var run = piece[start..end];
            tokens.Add(digits
                ? MavenToken.Number(separator, DigitString.Normalize(run))
                : MavenToken.Qualifier(CanonicalQualifier(run.ToString(), followedByDigit: end < piece.Length)));
            separator = MavenSeparator.Hyphen;
            start = end;
        }
    }

    private static string CanonicalQualifier(string qualifier, bool followedByDigit) => qualifier switch
    {
        "a" when followedByDigit => "alpha",
        "b" when followedByDigit => "beta",
        "m" when followedByDigit => "milestone",
        "cr" => "rc",
        _ => qualifier,
    };

    /// <summary>
    /// Removes trailing null tokens, then repeats before each hyphen-separated part, from the end to the
    /// start: <c>1.0.0-foo.0.0</c> becomes <c>1-foo</c>. The first token always stays, and so does a release
    /// qualifier followed by a number: Maven reads <c>ga-1</c> like <c>ga1</c>, a qualifier with a number,
    /// which is what makes the specification's <c>1-sp-1 &gt; 1-ga-1</c> hold.
    /// </summary>
    private static List<MavenToken> Trim(List<MavenToken> tokens)
    {
        var i = tokens.Count - 1;
        while (i > 0)
        {
            var numbered = !tokens[i].IsNumber && i + 1 < tokens.Count && tokens[i + 1].IsNumber;
            if (tokens[i].IsNull && !numbered)
            {
                tokens.RemoveAt(i--);
                continue;
            }
            while (i > 0 && !tokens[i].StartsPart) i--;
            i--;
        }
        return tokens;
    }
}
