using System.Buffers;
using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Lint;

/// <summary>OSV701-OSV705: references are web links that a reader can safely follow, each once, and include an essential one.</summary>
internal static class ReferenceChecks
{
    public static void Check(RecordContext context)
    {
        var references = context.Record.References;
        var primary = false;
        if (references is { Count: > 0 })
        {
            var seen = references.Count > 1 ? new Dictionary<string, int>(references.Count, StringComparer.Ordinal) : null;
            for (var i = 0; i < references.Count; i++)
            {
                if (references[i] is not { } reference) continue;
                primary |= IsPrimary(reference.Type);
                var pointer = Pointers.Item("/references", i) + "/url";
                var url = reference.Url ?? "";
                // A repeated URL is one mistake: what is wrong with the URL itself is reported at its first use.
                if (seen is not null && !seen.TryAdd(url, i))
                    context.Report(LintRules.UniqueUrl, pointer,
                        $"{url} is already referenced on line {context.Locate(Pointers.Item("/references", seen[url]) + "/url").Line}",
                        "keep one reference per URL, with the type that fits best");
                else
                    CheckUrl(context, pointer, url);
            }
        }
        // A withdrawn record points readers to what replaced it, not to a fix.
        if (!primary && !context.Record.IsWithdrawn)
            context.ReportAtKey(LintRules.PrimaryReference, "/references",
                references is { Count: > 0 } ? "no reference is of type ADVISORY, FIX or WEB" : "the record has no references",
                "link the advisory page (ADVISORY), the fixing commit or release (FIX), or a page about the issue (WEB)");
    }

    private static readonly string[] PrimaryTypes = ["ADVISORY", "FIX", "WEB"];

    /// <summary>
    /// ADVISORY, FIX or WEB; or a misspelling of one (<c>advisory</c>, <c>ADVISROY</c>), which the schema reports as
    /// such: saying there is no primary reference as well would report the one mistake twice.
    /// </summary>
    private static bool IsPrimary(string? type) =>
        type is not null && (PrimaryTypes.Contains(type, StringComparer.Ordinal) || Suggestions.Closest(type, PrimaryTypes) is not null);

    private static void CheckUrl(RecordContext context, string pointer, string url)
    {
        var colon = url.IndexOf(':');
        if (colon <= 0 || !IsScheme(url.AsSpan(0, colon)))
        {
            context.Report(LintRules.AbsoluteUrl, pointer, $"{Shown(url)} is not an absolute URL",
                "write the full address, starting with https://");
            return;
        }
        var scheme = url[..colon].ToLowerInvariant();
        if (scheme is not ("http" or "https"))
        {
            context.Report(LintRules.WebUrl, pointer, $"{Shown(url)} is a {scheme}: URL; references are web pages",
                scheme is "javascript" or "data" or "vbscript" or "file"
                    ? $"remove it: a {scheme}: link runs code or opens local files in the reader's browser"
                    : IsMistypedHttp(scheme) ? $"write https{url[colon..]}" : "link a web page (https://) that shows it");
            return;
        }
        if (!HasHost(url.AsSpan(colon + 1)) || url.AsSpan().IndexOfAny(NotInUrls) >= 0)
        {
            context.Report(LintRules.AbsoluteUrl, pointer, $"{Shown(url)} is not a valid URL",
                "percent-encode spaces and special characters, and check the host name");
            return;
        }
        if (scheme == "http")
            context.Report(LintRules.HttpsUrl, pointer, $"{url} uses http, which anyone on the network path can alter",
                "write https:// if the site serves it (most do)");
    }

    /// <summary>Characters a URL never holds unencoded: space and controls, and the delimiters that end URLs in text.</summary>
    private static readonly SearchValues<char> NotInUrls = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F \"<>\\\u007F");

    /// <summary>
    /// After <c>http:</c>, a <c>//</c> and a non-empty host (without user information and port). Hand-written rather
    /// than <see cref="Uri"/>, which costs more than the rest of the record's checks together.
    /// </summary>
    private static bool HasHost(ReadOnlySpan<char> afterScheme)
    {
        if (!afterScheme.StartsWith("//")) return false;
        var authority = afterScheme[2..];
        var end = authority.IndexOfAny("/?#");
        if (end >= 0) authority = authority[..end];
        if (authority.LastIndexOf('@') is var at and >= 0) authority = authority[(at + 1)..];
        if (authority.LastIndexOf(':') is var port and >= 0 && !authority.EndsWith("]")) authority = authority[..port];
        return !authority.IsEmpty;
    }

    /// <summary>ttps, htps, htttps, hhttp, htpts...: one edit away from http or https.</summary>
    private static bool IsMistypedHttp(string scheme) =>
        Suggestions.Distance(scheme, "https", limit: 2) <= 1 || Suggestions.Distance(scheme, "http", limit: 2) <= 1;

    /// <summary>RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).</summary>
    private static bool IsScheme(ReadOnlySpan<char> text)
    {
        if (!char.IsAsciiLetter(text[0])) return false;
        foreach (var c in text)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')) return false;
        return true;
    }

    /// <summary>A URL in a message, cut short: a data: URL can be megabytes long.</summary>
    private static string Shown(string url) => url.Length == 0 ? "\"\"" : url.Length <= 100 ? url : url[..97] + "...";
}
