using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AdvisoryPipeline.Osv.Identifiers;

/// <summary>
/// An advisory ID of this database: assigned, <c>PREFIX-YYYY-N</c> (<c>TSSA-2026-4</c>), or a placeholder,
/// <c>PREFIX-0000-slug</c> (<c>TSSA-0000-varint-overflow</c>), which <c>advisory new</c> writes and
/// <c>advisory assign-ids</c> replaces after review. Year 0000 never occurs in an assigned ID, so a
/// placeholder can be recognised without knowing the prefix.
/// </summary>
public sealed partial record AdvisoryId
{
    private AdvisoryId(string prefix, int year, int number, string? slug)
    {
        Prefix = prefix;
        Year = year;
        Number = number;
        Slug = slug;
    }

    public string Prefix { get; }

    /// <summary>The year of an assigned ID; 0 for a placeholder.</summary>
    public int Year { get; }

    /// <summary>The number within the year of an assigned ID; 0 for a placeholder.</summary>
    public int Number { get; }

    /// <summary>The slug of a placeholder; null for an assigned ID.</summary>
    public string? Slug { get; }

    [MemberNotNullWhen(true, nameof(Slug))]
    public bool IsPlaceholder => Slug is not null;

    public override string ToString() =>
        IsPlaceholder
            ? $"{Prefix}-0000-{Slug}"
            : string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{Year:D4}-{Number}");

    public static AdvisoryId Assigned(string prefix, int year, int number)
    {
        if (year is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "A year has four digits and is not 0000.");
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return new(prefix, year, number, null);
    }

    public static AdvisoryId Placeholder(string prefix, string slug)
    {
        if (!SlugPattern().IsMatch(slug)) throw new ArgumentException($"\"{slug}\" is not a slug (lower-case letters and digits joined by single hyphens).", nameof(slug));
        return new(prefix, 0, 0, slug);
    }

    /// <summary>Parses an ID of the database whose prefix is <paramref name="prefix"/>; false for any other text.</summary>
    public static bool TryParse(string text, string prefix, [NotNullWhen(true)] out AdvisoryId? id)
    {
        id = null;
        if (!text.StartsWith(prefix + "-", StringComparison.Ordinal)) return false;
        var match = RestPattern().Match(text, prefix.Length + 1);
        if (!match.Success || match.Index != prefix.Length + 1) return false;
        if (match.Groups["slug"].Success)
        {
            id = new AdvisoryId(prefix, 0, 0, match.Groups["slug"].Value);
            return true;
        }
        var year = int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
        // Leading zeros (TSSA-2024-007) are read, so that such a number is never given out again.
        if (!int.TryParse(match.Groups["number"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number == 0)
            return false;
        id = new AdvisoryId(prefix, year, number, null);
        return true;
    }

    /// <summary>Whether <paramref name="id"/> is a placeholder of any database: <c>&lt;prefix&gt;-0000-&lt;slug&gt;</c>.</summary>
    public static bool IsPlaceholderText(string id) => AnyPlaceholderPattern().IsMatch(id);

    /// <summary>
    /// A slug for a placeholder: the words of <paramref name="text"/> in lower case ASCII (other letters left out), joined by hyphens,
    /// cut at a word boundary to at most <paramref name="maxLength"/> characters; "advisory" when nothing is left.
    /// </summary>
    public static string SlugOf(string text, int maxLength = 40)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019' || (c > 0x7F && char.IsLetterOrDigit(c)))
            {
                // An apostrophe joins ("client's" is one word), and so does a non-ASCII letter, which is left out:
                // the tool runs without culture data, so "é" cannot be reduced to "e".
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0) words.Add(word.ToString());

        var slug = new StringBuilder();
        foreach (var w in words)
        {
            var needed = slug.Length == 0 ? w.Length : w.Length + 1;
            if (slug.Length + needed > maxLength)
            {
                if (slug.Length == 0) slug.Append(w.AsSpan(0, maxLength));
                break;
            }
            if (slug.Length > 0) slug.Append('-');
            slug.Append(w);
        }
        return slug.Length == 0 ? "advisory" : slug.ToString();
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"\G(?:0000-(?<slug>[a-z0-9]+(?:-[a-z0-9]+)*)|(?<year>[0-9]{4})-(?<number>[0-9]+))$", RegexOptions.CultureInvariant)]
    private static partial Regex RestPattern();

    [GeneratedRegex("^.+-0000-[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex AnyPlaceholderPattern();
}
