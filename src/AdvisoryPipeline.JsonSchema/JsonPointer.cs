using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdvisoryPipeline.JsonSchema;

/// <summary>
/// RFC 6901 JSON pointers (<c>/affected/0/package/name</c>): building them, reading them, and following them in a
/// <see cref="JsonElement"/> or a <see cref="JsonNode"/> tree. Every pointer of the tool is made and read here.
/// </summary>
public static class JsonPointer
{
    public static string Escape(string token) =>
        token.Contains('~') || token.Contains('/') ? token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal) : token;

    public static string Append(string pointer, string token) => pointer + "/" + Escape(token);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Appends <c>/</c> and the escaped <paramref name="token"/> to a pointer being built.</summary>
    public static void AppendTo(StringBuilder pointer, string token)
    {
        pointer.Append('/');
        if (token.AsSpan().IndexOfAny('~', '/') < 0)
        {
            pointer.Append(token);
            return;
        }
        foreach (var c in token)
        {
            if (c == '~') pointer.Append("~0");
            else if (c == '/') pointer.Append("~1");
            else pointer.Append(c);
        }
    }

    public static void AppendTo(StringBuilder pointer, int index) => pointer.Append('/').Append(index);

    /// <summary>The text of one escaped token, or null when a '~' is not followed by 0 or 1 (no key can match it).</summary>
    public static string? Unescape(ReadOnlySpan<char> token)
    {
        var builder = new StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] != '~')
            {
                builder.Append(token[i]);
                continue;
            }
            if (i + 1 == token.Length || token[i + 1] is not ('0' or '1')) return null;
            builder.Append(token[++i] == '0' ? '~' : '/');
        }
        return builder.ToString();
    }

    /// <summary>
    /// The pointer of a <see cref="JsonException.Path"/> (<c>$.affected[0].package</c> is <c>/affected/0/package</c>;
    /// <c>$['a.b']</c> is <c>/a.b</c>); the root for a path it cannot read.
    /// </summary>
    public static string FromJsonPath(string? path)
    {
        if (path is null || !path.StartsWith('$')) return "";
        var pointer = new StringBuilder();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                if (end < 0) end = path.Length;
                AppendTo(pointer, path[(i + 1)..end]);
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0) break;
                AppendTo(pointer, path[(i + 2)..end]);
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                if (end < 0) break;
                pointer.Append('/').Append(path, i + 1, end - i - 1);
                i = end + 1;
            }
            else
            {
                break;
            }
        }
        return pointer.ToString();
    }

    /// <summary>Splits a pointer into unescaped tokens; false when it is not a valid pointer.</summary>
    public static bool TryParse(string pointer, out List<string> tokens)
    {
        tokens = [];
        if (pointer.Length == 0) return true;
        if (pointer[0] != '/') return false;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = new StringBuilder(raw.Length);
            for (var i = 0; i < raw.Length; i++)
            {
                if (raw[i] != '~') { token.Append(raw[i]); continue; }
                if (i + 1 >= raw.Length || raw[i + 1] is not ('0' or '1')) return false;
                token.Append(raw[i + 1] == '0' ? '~' : '/');
                i++;
            }
            tokens.Add(token.ToString());
        }
        return true;
    }

    /// <summary>Follows <paramref name="pointer"/> from <paramref name="root"/>; false when a token does not exist.</summary>
    public static bool TryNavigate(JsonElement root, string pointer, out JsonElement target)
    {
        target = root;
        if (!TryParse(pointer, out var tokens)) return false;
        foreach (var token in tokens)
        {
            switch (target.ValueKind)
            {
                case JsonValueKind.Object when target.TryGetProperty(token, out var child):
                    target = child;
                    break;
                case JsonValueKind.Array when IsArrayIndex(token, out var index) && index < target.GetArrayLength():
                    target = target[index];
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    private static bool IsArrayIndex(string token, out int index)
    {
        index = 0;
        if (token.Length == 0 || (token.Length > 1 && token[0] == '0')) return false;
        foreach (var c in token)
            if (!char.IsAsciiDigit(c)) return false;
        return int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }

    /// <summary>The value at <paramref name="pointer"/> in a mutable tree, or null when there is none.</summary>
    public static JsonNode? Get(JsonNode? root, string pointer)
    {
        if (!TryParse(pointer, out var tokens)) return null;
        var current = root;
        foreach (var token in tokens)
        {
            current = current switch
            {
                JsonObject obj => obj[token],
                JsonArray array when IsArrayIndex(token, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (current is null) return null;
        }
        return current;
    }

    /// <summary>Replaces the existing value at <paramref name="pointer"/> in a mutable tree; false when there is none.</summary>
    public static bool Replace(JsonNode root, string pointer, JsonNode? value)
    {
        if (pointer.Length == 0 || !TryParse(pointer, out var tokens)) return false;
        var last = tokens[^1];
        var parent = Get(root, pointer[..pointer.LastIndexOf('/')]);
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(last):
                obj[last] = value;
                return true;
            case JsonArray array when IsArrayIndex(last, out var index) && index < array.Count:
                array[index] = value;
                return true;
            default:
                return false;
        }
    }
}
