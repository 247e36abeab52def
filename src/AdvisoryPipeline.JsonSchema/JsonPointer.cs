using System.Text;
using System.Text.Json;

namespace AdvisoryPipeline.JsonSchema;

/// <summary>RFC 6901 JSON pointers: escaping, parsing and navigation in a <see cref="JsonElement"/> tree.</summary>
public static class JsonPointer
{
    public static string Escape(string token) =>
        token.Contains('~') || token.Contains('/') ? token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal) : token;

    public static string Append(string pointer, string token) => pointer + "/" + Escape(token);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
        return int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index);
    }
}
