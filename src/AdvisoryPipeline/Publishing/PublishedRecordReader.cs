using System.Text.Json;
using AdvisoryPipeline.Git;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Publishing;

/// <summary>Reads the ledger fields (id and timestamps) of a record already in a target, without the rest.</summary>
public static class PublishedRecordReader
{
    /// <summary>Reads the record in <paramref name="content"/>, which must have the ID <paramref name="expectedId"/>.</summary>
    /// <returns>The record, or null with <paramref name="error"/> saying why the content is not a publishable record.</returns>
    public static LedgerRecord? TryRead(ReadOnlySpan<byte> content, string expectedId, out string? error)
    {
        string? id = null, modified = null, published = null, withdrawn = null;
        try
        {
            var reader = new Utf8JsonReader(content);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return Fail("it is not a JSON object", out error);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                switch (name)
                {
                    case "id": id = text; break;
                    case "modified": modified = text; break;
                    case "published": published = text; break;
                    case "withdrawn": withdrawn = text; break;
                }
                reader.Skip();
            }
        }
        catch (JsonException e)
        {
            return Fail($"it is not valid JSON ({e.Message})", out error);
        }
        if (id != expectedId)
            return Fail($"its id is '{id}', not {expectedId}", out error);
        if (!OsvTimestamp.TryParse(modified, out _))
            return Fail($"its modified time '{modified}' is not an RFC 3339 UTC timestamp", out error);
        if (published is not null && !OsvTimestamp.TryParse(published, out _))
            return Fail($"its published time '{published}' is not an RFC 3339 UTC timestamp", out error);
        error = null;
        return new LedgerRecord(id, modified!, published, withdrawn, GitBlobHash.Of(content));
    }

    private static LedgerRecord? Fail(string reason, out string? error)
    {
        error = reason;
        return null;
    }
}
