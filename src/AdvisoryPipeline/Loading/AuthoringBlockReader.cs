using System.Globalization;
using System.Text.Json;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Loading;

/// <summary>Reads the authoring block of a loaded advisory into an <see cref="AuthoringBlock"/>, with located AUTH00x findings.</summary>
public static class AuthoringBlockReader
{
    /// <summary>Reads and checks the block of a loaded document; <see cref="AuthoringBlock.None"/> when there is no block.</summary>
    public static AuthoringBlock Read(LoadedDocument document, out IReadOnlyList<Finding> findings)
    {
        var found = new List<Finding>();
        findings = found;
        if (document.AuthoringBlock is not { } block) return AuthoringBlock.None;

        var key = LoadOptions.Default.AuthoringBlockKey;
        var root = "/" + key;
        if (block.ValueKind != JsonValueKind.Object)
        {
            found.Add(Located(document, AuthoringFindingCodes.WrongType, $"{key} must be a mapping of {KeyList()}",
                root, $"write {key}: on its own line, then the keys indented below it"));
            return AuthoringBlock.None;
        }

        DateTimeOffset? embargo = null;
        string? notes = null;
        var requestCve = false;
        IReadOnlyList<string>? cweIds = null;
        Dictionary<string, string>? ghsaImport = null;
        foreach (var property in block.EnumerateObject())
        {
            var pointer = $"{root}/{property.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";
            if (!AuthoringBlock.Keys.Contains(property.Name, StringComparer.Ordinal))
            {
                var suggestion = Suggestions.Closest(property.Name, AuthoringBlock.Keys.Where(known => !block.TryGetProperty(known, out _)));
                found.Add(Located(document, AuthoringFindingCodes.UnknownKey, $"{Excerpt.Of(property.Name)} is not a key of the {key} block",
                    pointer, suggestion is null ? $"the block has {KeyList()}" : $"did you mean {suggestion}? (the block has {KeyList()})", onKey: true));
                continue;
            }
            if (property.Name == AuthoringBlock.RequestCveKey)
            {
                if (property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False) requestCve = property.Value.GetBoolean();
                else found.Add(Located(document, AuthoringFindingCodes.WrongType, $"{property.Name} must be true or false", pointer, "write request_cve: true"));
                continue;
            }
            if (property.Name == AuthoringBlock.GhsaImportKey)
            {
                if (property.Value.ValueKind == JsonValueKind.Object && property.Value.EnumerateObject().All(item => item.Value.ValueKind == JsonValueKind.String))
                    ghsaImport = property.Value.EnumerateObject().ToDictionary(item => item.Name, item => item.Value.GetString()!, StringComparer.Ordinal);
                else found.Add(Located(document, AuthoringFindingCodes.WrongType, $"{property.Name} must be a mapping of field names to fingerprints", pointer,
                    "leave it as advisory import ghsa wrote it, or remove it to stop re-imports from changing the advisory"));
                continue;
            }
            if (property.Name == AuthoringBlock.CweIdsKey)
            {
                if (property.Value.ValueKind == JsonValueKind.Array && property.Value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String))
                    cweIds = [.. property.Value.EnumerateArray().Select(item => item.GetString()!)];
                else found.Add(Located(document, AuthoringFindingCodes.WrongType, $"{property.Name} must be a list of CWE IDs", pointer, "write e.g. cwe_ids: [CWE-79]"));
                continue;
            }
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                found.Add(Located(document, AuthoringFindingCodes.WrongType, $"{property.Name} must be a string", pointer,
                    property.Name == AuthoringBlock.EmbargoUntilKey ? "write a quoted timestamp, e.g. \"2026-12-01T09:00:00Z\"" : "quote the text"));
                if (property.Name == AuthoringBlock.EmbargoUntilKey) embargo = DateTimeOffset.MaxValue;
                continue;
            }
            var text = property.Value.GetString()!;
            if (property.Name == AuthoringBlock.NotesKey)
            {
                notes = text;
                continue;
            }
            if (OsvTimestamp.TryParseWithZone(text, out var until))
            {
                embargo = until;
                continue;
            }
            embargo = DateTimeOffset.MaxValue;
            found.Add(Located(document, AuthoringFindingCodes.BadTimestamp,
                $"embargo_until \"{text}\" is not an RFC 3339 timestamp with a time zone; the advisory is held until it is corrected",
                pointer, "write e.g. \"2026-12-01T09:00:00Z\" or \"2026-12-01T10:00:00+01:00\""));
        }
        return new AuthoringBlock(embargo, notes, requestCve, cweIds, ghsaImport);
    }

    private static string KeyList() => string.Join(", ", AuthoringBlock.Keys.Take(AuthoringBlock.Keys.Count - 1)) + " and " + AuthoringBlock.Keys[^1];

    private static Finding Located(LoadedDocument document, string code, string message, string pointer, string hint, bool onKey = false) =>
        new(code, FindingLevel.Error, message, onKey ? document.Map.LocateKey(pointer) : document.Map.Locate(pointer), hint, pointer);
}
