using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AdvisoryPipeline.Osv.Identifiers;

/// <summary>
/// An advisory ID, and the one place that says what its parts are. Most databases write
/// <c>PREFIX-YYYY-N</c> (<c>TSSA-2026-4</c>, <c>PYSEC-2021-371</c>, <c>GO-2022-0001</c>); a pull request carries the
/// placeholder <c>PREFIX-0000-slug</c> (<c>TSSA-0000-varint-overflow</c>) that <c>advisory new</c> writes and
/// <c>advisory assign-ids</c> replaces after review. Year 0000 never occurs in an assigned ID, so whatever follows
/// it, in whatever letter case, is a placeholder: no stage may publish it.
/// </summary>
/// <remarks>
/// <see cref="Read"/> reads any ID leniently (lint, rendering, publishing); <see cref="TryParse"/> accepts only the
/// IDs a database with a given prefix gives out (assign-ids, the allocator file); <see cref="Placeholder"/> and
/// <see cref="Assigned"/> make new ones.
/// </remarks>
public sealed partial record AdvisoryId
{
    private const string PlaceholderYear = "0000";

    private AdvisoryId(string text, string prefix, int? year, int? number, string? slug)
    {
        Text = text;
        Prefix = prefix;
        Year = year;
        Number = number;
        Slug = slug;
    }

    /// <summary>The ID as written.</summary>
    public string Text { get; }

    /// <summary>The database prefix: this database's own, else a prefix registered with OSV, else the text before the first dash.</summary>
    public string Prefix { get; }

    /// <summary>The four-digit year after the prefix; null when the ID has none, and for a placeholder.</summary>
    public int? Year { get; }

    /// <summary>The number after the year when it is digits only (<c>N</c> of <c>PREFIX-YYYY-N</c>); null otherwise.</summary>
    public int? Number { get; }

    /// <summary>What follows <c>PREFIX-0000-</c> in a placeholder; null for any other ID.</summary>
    public string? Slug { get; }

    [MemberNotNullWhen(true, nameof(Slug))]
    public bool IsPlaceholder => Slug is not null;

    public override string ToString() => Text;

    /// <summary>
    /// Reads any ID. <paramref name="ownPrefix"/> is the database's configured prefix, which may contain dashes and
    /// need not be registered with OSV.
    /// </summary>
    public static AdvisoryId Read(string text, string? ownPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var prefix = PrefixOf(text, ownPrefix);
        if (prefix.Length >= text.Length - 1) return new AdvisoryId(text, prefix, null, null, null);
        var rest = text.AsSpan(prefix.Length + 1);
        if (rest.Length < 6 || rest[4] != '-' || rest[..4].ContainsAnyExceptInRange('0', '9'))
            return new AdvisoryId(text, prefix, null, null, null);
        var tail = rest[5..];
        if (rest[..4].SequenceEqual(PlaceholderYear)) return new AdvisoryId(text, prefix, null, null, tail.ToString());
        var year = int.Parse(rest[..4], NumberStyles.None, CultureInfo.InvariantCulture);
        // Leading zeros (TSSA-2024-007) are read, so that such a number is never given out again.
        int? number = int.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return new AdvisoryId(text, prefix, year, number, null);
    }

    /// <summary>
    /// Reads an ID that a database with <paramref name="prefix"/> gives out: assigned (<c>PREFIX-YYYY-N</c>, N at
    /// least 1) or a placeholder (<c>PREFIX-0000-</c> and a name without spaces); false for any other text.
    /// </summary>
    public static bool TryParse(string text, string prefix, [NotNullWhen(true)] out AdvisoryId? id)
    {
        id = null;
        if (!text.StartsWith(prefix + "-", StringComparison.Ordinal)) return false;
        var read = Read(text, prefix);
        var valid = read.IsPlaceholder
            ? !read.Slug.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            : read.Year is >= 1 and <= 9999 && read.Number is >= 1;
        if (valid) id = read;
        return valid;
    }

    /// <summary>The longest ID the outputs carry: a folder name, a file name and a URL segment on every system.</summary>
    public const int MaxLength = 128;

    /// <summary>
    /// Why <paramref name="id"/> cannot be published, or null when it can: the one ID policy. Every output names a
    /// file, a folder or a URL after the ID (the feed's <c>ID.json</c>, the site's <c>ID/</c>, <c>ID.md</c>, a git
    /// path), so an ID is ASCII letters, digits, <c>.</c>, <c>_</c> and <c>-</c>, starts with a letter or digit, does
    /// not end with a dot, and has at most <see cref="MaxLength"/> characters. Validation refuses any other, so that no
    /// later stage meets an ID it cannot use.
    /// </summary>
    public static string? UsabilityProblem(string id)
    {
        if (id.Length == 0) return "it is empty";
        if (id.Length > MaxLength) return $"it is {id.Length} characters long, more than {MaxLength}";
        if (!char.IsAsciiLetterOrDigit(id[0])) return "it does not start with a letter or a digit";
        if (id[^1] == '.') return "it ends with a dot";
        var bad = id.AsSpan().IndexOfAnyExcept(UsableCharacters);
        return bad < 0 ? null : $"it contains '{id[bad]}' (U+{(int)id[bad]:X4}); an ID has ASCII letters, digits, '.', '_' and '-' only";
    }

    private static readonly System.Buffers.SearchValues<char> UsableCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    /// <summary>Whether <paramref name="id"/> is a placeholder, of this database or any other.</summary>
    public static bool IsPlaceholderText(string id, string? ownPrefix = null) => Read(id, ownPrefix).IsPlaceholder;

    public static AdvisoryId Assigned(string prefix, int year, int number)
    {
        if (year is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "A year has four digits and is not 0000.");
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return new(string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year:D4}-{number}"), prefix, year, number, null);
    }

    /// <summary>A new placeholder; its slug is lower-case letters and digits joined by single hyphens (see <see cref="SlugOf"/>).</summary>
    public static AdvisoryId Placeholder(string prefix, string slug)
    {
        if (!SlugPattern().IsMatch(slug)) throw new ArgumentException($"\"{slug}\" is not a slug (lower-case letters and digits joined by single hyphens).", nameof(slug));
        return new($"{prefix}-{PlaceholderYear}-{slug}", prefix, null, null, slug);
    }

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

    /// <summary>
    /// The database's own prefix when the ID has it, else a registered one, else (for a placeholder of a prefix with
    /// dashes that OSV does not know) all before <c>-0000-</c>, else the text before the first dash.
    /// </summary>
    private static string PrefixOf(string text, string? ownPrefix)
    {
        if (ownPrefix is { Length: > 0 } && text.Length > ownPrefix.Length && text.StartsWith(ownPrefix, StringComparison.Ordinal)
            && text[ownPrefix.Length] == '-')
            return ownPrefix;
        if (OsvPrefixes.RegisteredPrefixOf(text) is { } registered) return registered;
        var placeholderAt = text.IndexOf("-" + PlaceholderYear + "-", StringComparison.Ordinal);
        if (placeholderAt > 0) return text[..placeholderAt];
        var dash = text.IndexOf('-');
        return dash > 0 ? text[..dash] : text;
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
