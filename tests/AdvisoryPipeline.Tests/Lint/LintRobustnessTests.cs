using System.Text;
using System.Text.Json;
using AdvisoryPipeline.Lint;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Tests.Lint;

/// <summary>
/// Lint runs after the schema, but the validate command may still hand it a record the schema rejected: nulls where
/// objects and strings belong must give findings, never an exception.
/// </summary>
public sealed class LintRobustnessTests
{
    [Fact]
    public void Nulls_in_every_list_and_field_are_skipped_and_the_rest_is_still_checked()
    {
        const string yaml = """
            {"id": "TSSA-2025-1", "modified": null, "published": "2025-01-28T14:00:00Z",
             "aliases": [null, "CVE-2025-21364"], "related": [null], "upstream": null,
             "summary": null, "details": null,
             "severity": [null, {"type": "CVSS_V3", "score": null}, {"type": null, "score": null}],
             "affected": [null,
               {"package": {"ecosystem": null, "name": null, "purl": null},
                "severity": [null],
                "ranges": [null, {"type": null, "events": null}, {"type": "ECOSYSTEM", "events": [null, {"introduced": null}]},
                           {"type": "GIT", "repo": null, "events": [null]}],
                "versions": [null, "1.0"]},
               {"package": {"ecosystem": "PyPI", "name": "tessera-py"},
                "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, null, {"fixed": null}]}]}],
             "references": [null, {"type": null, "url": null}],
             "credits": [null, {"name": null, "contact": [null]}],
             "database_specific": null}
            """;
        // The loader would turn each null into a finding and a string; deserializing the JSON itself keeps real nulls.
        var record = JsonSerializer.Deserialize(yaml, OsvJsonContext.Default.OsvRecord)!;
        var document = AdvisoryYamlLoader.Load("advisories/TSSA-2025-1.yaml", Encoding.UTF8.GetBytes(yaml));

        var result = Linter.Create(LintHarness.Config, LintHarness.Options).CheckRecord(document, record);

        Assert.Equal(
        [
            ("OSV801", "/summary"),
            ("OSV805", "/details"),
            ("OSV601", "/severity/1/score"),
            ("OSV501", "/affected/1/ranges/1/events"),
            ("OSV501", "/affected/1/ranges/2/events"),
            ("OSV501", "/affected/1/ranges/3/events"),
            ("OSV510", "/affected/1/ranges/3/repo"),
            ("OSV705", "/references"),
            ("OSV701", "/references/1/url"),
        ], result.Findings.Select(f => (f.Code, f.Pointer!)).OrderBy(f => f, Comparer<(string, string)>.Create(ByPointerOrder)));
        Assert.Equal("TSSA-2025-1", result.Summary.Id.Value);
        Assert.Equal(["CVE-2025-21364"], result.Summary.Aliases.Select(alias => alias.Value));
    }

    /// <summary>The findings above are all on line 1 (JSON on one line): order them by where their pointer is instead.</summary>
    private static int ByPointerOrder((string Code, string Pointer) a, (string Code, string Pointer) b)
    {
        string[] order = ["/summary", "/details", "/severity", "/affected", "/references"];
        int Rank(string pointer) => Array.FindIndex(order, prefix => pointer.StartsWith(prefix, StringComparison.Ordinal));
        var byField = Rank(a.Pointer).CompareTo(Rank(b.Pointer));
        return byField != 0 ? byField : string.CompareOrdinal(a.Pointer, b.Pointer) is var byPointer && byPointer != 0
            ? byPointer : string.CompareOrdinal(a.Code, b.Code);
    }
}
