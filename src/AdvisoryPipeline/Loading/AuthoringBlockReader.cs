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
            found.Add(Located(document, AuthoringFindingCodes.WrongType, $"{key} must be a mapping of {string.Join(" and ", AuthoringBlock.Keys)}",
                root, $"write {key}: on its own line, then the keys indented below it"));
            return AuthoringBlock.None;
        }

        DateTimeOffset? embargo = null;
        string? notes = null;
        foreach (var property in block.EnumerateObject())
        {
            var pointer = $"{root}/{property.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";
            if (property.Name is not (AuthoringBlock.EmbargoUntilKey or AuthoringBlock.NotesKey))
            {
                found.Add(Located(document, AuthoringFindingCodes.UnknownKey, $"{property.Name} is not a key of the {key} block",
                    pointer, $"the block has {string.Join(" and ", AuthoringBlock.Keys)}", onKey: true));
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
        return new AuthoringBlock(embargo, notes);
    }

    private static Finding Located(LoadedDocument document, string code, string message, string pointer, string hint, bool onKey = false) =>
        new(code, FindingLevel.Error, message, onKey ? document.Map.LocateKey(pointer) : document.Map.Locate(pointer), hint, pointer);
}
