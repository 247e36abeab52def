using System.Text;

namespace AdvisoryPipeline.Loading;

/// <summary>RFC 6901 escaping of JSON pointer segments (<c>~</c> is <c>~0</c>, <c>/</c> is <c>~1</c>).</summary>
internal static class JsonPointerText
{
    public static void AppendSegment(StringBuilder pointer, string segment)
    {
        pointer.Append('/');
        if (segment.AsSpan().IndexOfAny('~', '/') < 0)
        {
            pointer.Append(segment);
            return;
        }
        foreach (var c in segment)
        {
            if (c == '~') pointer.Append("~0");
            else if (c == '/') pointer.Append("~1");
            else pointer.Append(c);
        }
    }

    public static void AppendSegment(StringBuilder pointer, int index) =>
        pointer.Append('/').Append(index);

    /// <summary>The segment's text, or null when a '~' is not followed by 0 or 1 (no key can match it).</summary>
    public static string? Unescape(ReadOnlySpan<char> segment)
    {
        var builder = new StringBuilder(segment.Length);
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] != '~')
            {
                builder.Append(segment[i]);
                continue;
            }
            if (i + 1 == segment.Length || segment[i + 1] is not ('0' or '1')) return null;
            builder.Append(segment[++i] == '0' ? '~' : '/');
        }
        return builder.ToString();
    }
}
