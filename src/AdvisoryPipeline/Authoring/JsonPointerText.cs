using System.Text;

namespace AdvisoryPipeline.Authoring;

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

    public static string Unescape(ReadOnlySpan<char> segment) =>
        segment.ToString().Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
