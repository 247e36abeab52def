using System.Text.Json;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Loading;

/// <summary>
/// An advisory ready for the later stages: the OSV record (without the authoring block, which only
/// <see cref="Authoring"/> carries) and the document it came from, for locating findings.
/// </summary>
public sealed record LoadedAdvisory(LoadedDocument Document, OsvRecord Record, AuthoringBlock Authoring)
{
    public string Id => Record.Id;

    /// <summary>
    /// Reads a loaded document into the model; null (with the reasons in <paramref name="findings"/>) when it has
    /// no record. Callers validate the record against the schema first; a field of the wrong type that got
    /// through anyway becomes AUTH000 instead of an exception.
    /// </summary>
    public static LoadedAdvisory? From(LoadedDocument document, out IReadOnlyList<Finding> findings)
    {
        var authoring = AuthoringBlockReader.Read(document, out var authoringFindings);
        findings = authoringFindings;
        if (document.Record is not { } json) return null;
        try
        {
            var record = json.Deserialize(OsvJsonContext.Default.OsvRecord);
            return record is null ? null : new LoadedAdvisory(document, record, authoring);
        }
        catch (JsonException e)
        {
            var pointer = e.Path is { Length: > 1 } path ? "/" + path[2..].Replace('.', '/').Replace("[", "/", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal) : "";
            findings = [.. authoringFindings, new Finding(AuthoringFindingCodes.UnreadableRecord, FindingLevel.Error,
                "the record cannot be read as OSV: " + e.Message, document.Map.Locate(pointer), "correct the type of this value", pointer)];
            return null;
        }
    }
}
