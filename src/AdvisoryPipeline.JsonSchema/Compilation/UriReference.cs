using System.Text;

namespace AdvisoryPipeline.JsonSchema.Compilation;

/// <summary>
/// RFC 3986 reference resolution on plain strings. System.Uri is not used because it rewrites
/// URNs, unescapes characters and refuses some references the test suite uses; schema identifiers
/// must compare exactly as written.
/// </summary>
internal static class UriReference
{
    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseUri"/> (which may be empty: no base).</summary>
    public static string Resolve(string baseUri, string reference)
    {
        var r = Components.Parse(reference);
        if (r.Scheme is not null)
            return (r with { Path = RemoveDotSegments(r.Path) }).ToString();

        var b = Components.Parse(baseUri);
        Components target;
        if (r.Authority is not null)
        {
            target = r with { Scheme = b.Scheme, Path = RemoveDotSegments(r.Path) };
        }
        else if (r.Path.Length == 0)
        {
            target = b with { Query = r.Query ?? b.Query, Fragment = r.Fragment };
        }
        else
        {
            var path = r.Path.StartsWith('/') ? r.Path : Merge(b, r.Path);
            target = b with { Path = RemoveDotSegments(path), Query = r.Query, Fragment = r.Fragment };
        }
        return target.ToString();
    }

    /// <summary>Splits "a#b" into ("a", "b"); the fragment is null when there is no '#'.</summary>
    public static (string Resource, string? Fragment) SplitFragment(string uri)
    {
        var hash = uri.IndexOf('#');
        return hash < 0 ? (uri, null) : (uri[..hash], uri[(hash + 1)..]);
    }

    public static bool HasScheme(string uri) => Components.Parse(uri).Scheme is not null;

    private static string Merge(Components b, string relativePath)
    {
        if (b.Authority is not null && b.Path.Length == 0)
            return "/" + relativePath;
        var slash = b.Path.LastIndexOf('/');
        return slash < 0 ? relativePath : string.Concat(b.Path.AsSpan(0, slash + 1), relativePath);
    }

    private static string RemoveDotSegments(string path)
    {
        if (!path.Contains('.'))
            return path;
        var input = path;
        var output = new StringBuilder(path.Length);
        while (input.Length > 0)
        {
            if (input.StartsWith("../", StringComparison.Ordinal)) input = input[3..];
            else if (input.StartsWith("./", StringComparison.Ordinal)) input = input[2..];
            else if (input.StartsWith("/./", StringComparison.Ordinal)) input = input[2..];
            else if (input == "/.") input = "/";
            else if (input.StartsWith("/../", StringComparison.Ordinal) || input == "/..")
            {
                input = input.Length == 3 ? "/" : input[3..];
                var last = output.ToString().LastIndexOf('/');
                output.Length = last < 0 ? 0 : last;
            }
            else if (input is "." or "..") input = "";
            else
            {
                var next = input.IndexOf('/', input.StartsWith('/') ? 1 : 0);
                if (next < 0) next = input.Length;
                output.Append(input, 0, next);
                input = input[next..];
            }
        }
        return output.ToString();
    }

    private sealed record Components(string? Scheme, string? Authority, string Path, string? Query, string? Fragment)
    {
        public static Components Parse(string uri)
        {
            string? fragment = null, query = null, scheme = null, authority = null;
            var rest = uri;
            var hash = rest.IndexOf('#');
            if (hash >= 0) { fragment = rest[(hash + 1)..]; rest = rest[..hash]; }
            var question = rest.IndexOf('?');
            if (question >= 0) { query = rest[(question + 1)..]; rest = rest[..question]; }
            var colon = rest.IndexOf(':');
            if (colon > 0 && IsScheme(rest.AsSpan(0, colon)))
            {
                scheme = rest[..colon].ToLowerInvariant();
                rest = rest[(colon + 1)..];
            }
            if (rest.StartsWith("//", StringComparison.Ordinal))
            {
                var end = rest.IndexOf('/', 2);
                if (end < 0) end = rest.Length;
                authority = rest[2..end];
                rest = rest[end..];
            }
            return new Components(scheme, authority, rest, query, fragment);
        }

        private static bool IsScheme(ReadOnlySpan<char> s)
        {
            if (!char.IsAsciiLetter(s[0])) return false;
            foreach (var c in s)
                if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')) return false;
            return true;
        }

        public override string ToString()
        {
            var sb = new StringBuilder();
            if (Scheme is not null) sb.Append(Scheme).Append(':');
            if (Authority is not null) sb.Append("//").Append(Authority);
            sb.Append(Path);
            if (Query is not null) sb.Append('?').Append(Query);
            if (Fragment is not null) sb.Append('#').Append(Fragment);
            return sb.ToString();
        }
    }
}
