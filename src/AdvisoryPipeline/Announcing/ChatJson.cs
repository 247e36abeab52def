using System.Text.Encodings.Web;
using System.Text.Json;

namespace AdvisoryPipeline.Announcing;

/// <summary>
/// How every chat payload is written: UTF-8 JSON, indented so that a dry run and the golden files can be read, with
/// only what JSON itself requires escaped (the services decode any escaping; HTML-safe escaping would only hide
/// the text from people reading the payload). No reflection: the writers build the documents by hand.
/// </summary>
internal static class ChatJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options)) write(writer);
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>At most <paramref name="limit"/> characters, cut at a whole character with an ellipsis (services reject longer values).</summary>
    public static string Limit(string text, int limit)
    {
        if (text.Length <= limit) return text;
        var cut = limit - 1;
        if (char.IsLowSurrogate(text[cut])) cut--;
        // A cut right after an escaping backslash would escape the ellipsis instead.
        while (cut > 0 && text[cut - 1] == '\\') cut--;
        return text[..cut] + "…";
    }
}
