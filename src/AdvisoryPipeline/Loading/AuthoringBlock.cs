using System.Text.Json.Serialization;

namespace AdvisoryPipeline.Loading;

/// <summary>
/// The authoring-only block of an advisory, the top-level <c>pipeline:</c> key. The loader splits it off the
/// record (<see cref="LoadedDocument.AuthoringBlock"/>), so it never reaches a published record, page, feed
/// or mail: those are built from <see cref="OsvRecord"/> alone.
/// </summary>
/// <param name="EmbargoUntil">
/// Until when the advisory stays out of every public output (the publishable database of the validation stage). An embargo that
/// cannot be read holds the advisory indefinitely (<see cref="DateTimeOffset.MaxValue"/>): failing closed keeps
/// a typo from publishing an embargoed vulnerability.
/// </param>
/// <param name="Notes">Free text for the security team (coordination status, contacts); never published.</param>
/// <param name="RequestCve">
/// For teams that are not a CNA: the <c>ghsa:</c> target asks GitHub to request a CVE ID for the advisory's
/// repository security advisory.
/// </param>
/// <param name="CweIds">CWE IDs for the CVE record's problem types, besides the record's <c>database_specific.cwe_ids</c>.</param>
/// <param name="GhsaImport">
/// Written by <c>advisory import ghsa</c>: per field GitHub owns, a fingerprint of the value last imported, so that a
/// re-import changes a field only when the YAML still holds what was imported (never a maintainer's edit).
/// </param>
public sealed record AuthoringBlock(
    [property: JsonPropertyName("embargo_until")] DateTimeOffset? EmbargoUntil = null,
    [property: JsonPropertyName("notes")] string? Notes = null,
    [property: JsonPropertyName("request_cve")] bool RequestCve = false,
    [property: JsonPropertyName("cwe_ids")] IReadOnlyList<string>? CweIds = null,
    [property: JsonPropertyName("ghsa_import")] IReadOnlyDictionary<string, string>? GhsaImport = null)
{
    public static AuthoringBlock None { get; } = new();

    public const string EmbargoUntilKey = "embargo_until";
    public const string NotesKey = "notes";
    public const string RequestCveKey = "request_cve";
    public const string CweIdsKey = "cwe_ids";
    public const string GhsaImportKey = "ghsa_import";

    public static IReadOnlyList<string> Keys { get; } = [EmbargoUntilKey, NotesKey, RequestCveKey, CweIdsKey, GhsaImportKey];
}
