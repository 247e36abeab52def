using System.Text.Json;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Tests.TestSupport;

/// <summary>
/// Advisories built in code, for the cases the example database (<see cref="ExampleDatabase"/>) does not show: the one
/// sample-advisory builder of the tests.
/// </summary>
internal static class SampleAdvisories
{
    public static OsvRecord Record(
        string id,
        string summary = "Heap overflow in the frame decoder",
        string ecosystem = "PyPI",
        string package = "tessera",
        string? published = null,
        string? withdrawn = null,
        string? modified = null,
        IReadOnlyList<string>? aliases = null,
        string fixedVersion = "2.8.1") => new()
        {
            Id = id,
            Modified = modified,
            Published = published,
            Withdrawn = withdrawn,
            Aliases = aliases ?? [$"CVE-{id.Split('-')[1]}-{Math.Abs(id.GetHashCode(StringComparison.Ordinal)) % 90000 + 10000}"],
            Summary = summary,
            Details = $"{summary}. A crafted frame makes the decoder write past the end of its buffer.\n\nUpgrade to {fixedVersion}.",
            Severity = [new OsvSeverity { Type = "CVSS_V3", Score = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }],
            Affected =
            [
                new OsvAffected
                {
                    Package = new OsvPackage { Ecosystem = ecosystem, Name = package },
                    Ranges = [new OsvRange { Type = "ECOSYSTEM", Events = [new OsvEvent { Introduced = "0" }, new OsvEvent { Fixed = fixedVersion }] }],
                },
            ],
            References = [new OsvReference { Type = "ADVISORY", Url = $"https://security.tessera-project.org/{id}/" }],
            DatabaseSpecific = JsonDocument.Parse("""{"cwe_ids": ["CWE-787"]}""").RootElement.Clone(),
        };

    /// <summary>A small record whose dates matter (feeds, ordering); its other fields are plain.</summary>
    public static OsvRecord Dated(
        string id,
        DateTimeOffset? modified = null,
        DateTimeOffset? published = null,
        IReadOnlyList<string>? aliases = null,
        bool withdrawn = false)
    {
        var changed = modified ?? new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);
        return new OsvRecord
        {
            Id = id,
            Modified = OsvTimestamp.Format(changed),
            Published = OsvTimestamp.Format(published ?? changed),
            Withdrawn = withdrawn ? OsvTimestamp.Format(changed) : null,
            Aliases = aliases,
            Summary = $"Summary of {id}",
            Affected = [new OsvAffected { Package = new OsvPackage { Ecosystem = "PyPI", Name = "demo" } }],
        };
    }

    /// <summary><see cref="Dated"/>, as the renderers receive it.</summary>
    public static AdvisoryView DatedView(string id, DateTimeOffset? modified = null, DateTimeOffset? published = null,
        IReadOnlyList<string>? aliases = null, bool withdrawn = false) =>
        AdvisoryView.From(Dated(id, modified, published, aliases, withdrawn));

    public static OsvRecord FromJson(string json) =>
        JsonSerializer.Deserialize(json, OsvJsonContext.Default.OsvRecord) ?? throw new InvalidDataException("null record");

    /// <summary>
    /// The YAML of a small advisory that passes the schema and every lint rule of a TSSA database, plus
    /// <paramref name="extra"/> lines: what <c>advisory new</c> leaves once it is filled in. The other parameters are
    /// written as given (<paramref name="details"/> is YAML: a plain line, or a <c>|</c> block with its lines).
    /// </summary>
    public static string CleanYaml(string id, string package = "tessera-py", string summary = "Crash when decoding an empty frame", string extra = "",
        string modified = "2026-03-02T00:00:00Z", string published = "2026-03-01T00:00:00Z", string? alias = null,
        string details = "Decoding an empty frame dereferenced a null pointer.", string fixedVersion = "1.2.0")
    {
        var aliases = alias is null ? "" : $"aliases:\n  - {alias}\n";
        return $"""
            id: {id}
            modified: "{modified}"
            published: "{published}"
            {aliases}summary: {summary}
            details: {details}
            affected:
              - package:
                  ecosystem: PyPI
                  name: {package}
                  purl: pkg:pypi/{package}
                ranges:
                  - type: ECOSYSTEM
                    events:
                      - introduced: "0"
                      - fixed: "{fixedVersion}"
            references:
              - type: ADVISORY
                url: https://security.tessera-project.org/{id}/

            """ + extra;
    }
}
