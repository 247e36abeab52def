using System.Text;
using System.Text.Json;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Cvss;
using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Osv.Identifiers;
using AdvisoryPipeline.Publishing;
using AdvisoryPipeline.Publishing.Ghsa;
using AdvisoryPipeline.Tests.TestSupport;
using static AdvisoryPipeline.Tests.Publishing.PublishingSupport;
using static AdvisoryPipeline.Tests.TestSupport.SampleAdvisories;

namespace AdvisoryPipeline.Tests.Publishing.Ghsa;

public sealed class GhsaDraftMapperTests
{
    private const string V3 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    private const string V4 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

    [Theory]
    [InlineData("PyPI", "pip")]
    [InlineData("npm", "npm")]
    [InlineData("crates.io", "rust")]
    [InlineData("Go", "go")]
    [InlineData("Maven", "maven")]
    [InlineData("Maven:https://repo.example.com/maven2", "maven")]
    [InlineData("NuGet", "nuget")]
    [InlineData("RubyGems", "rubygems")]
    [InlineData("Packagist", "composer")]
    [InlineData("Pub", "pub")]
    [InlineData("Hex", "erlang")]
    [InlineData("SwiftURL", "swift")]
    [InlineData("GitHub Actions", "actions")]
    public void Osv_ecosystems_become_github_s_names(string osv, string github)
    {
        var mapping = Map(Record("TSSA-2026-1", ecosystem: osv, package: "tessera"));

        var entry = Assert.Single(mapping.Content.Vulnerabilities);
        Assert.Equal((github, "tessera"), (entry.Ecosystem, entry.Name));
        Assert.Empty(mapping.Notes);
    }

    [Theory]
    [InlineData("Debian:12")]
    [InlineData("Alpine:v3.20")]
    [InlineData("Linux")]
    [InlineData("OSS-Fuzz")]
    [InlineData("Bitnami")]
    [InlineData("pypi")]
    public void Packages_of_ecosystems_github_lacks_are_left_out_with_a_note(string osv)
    {
        var mapping = Map(Record("TSSA-2026-1", ecosystem: osv, package: "tessera"));

        Assert.Empty(mapping.Content.Vulnerabilities);
        Assert.Equal(
            [$"TSSA-2026-1: {osv.Split(':')[0]} packages not sent (GitHub has no such ecosystem)",
             "TSSA-2026-1: no package in an ecosystem GitHub knows: add the product on GitHub before publishing"],
            Texts(mapping));
    }

    [Theory]
    [InlineData("0|fixed:2.0.1", "< 2.0.1|2.0.1")]
    [InlineData("1.0|fixed:1.2.3", ">= 1.0, < 1.2.3|1.2.3")]
    [InlineData("0|last_affected:0.9.4", "<= 0.9.4|")]
    [InlineData("2.0", ">= 2.0|")]
    [InlineData("0", ">= 0|")]
    [InlineData("1.0|fixed:1.0.5|2.0|fixed:2.0.1", ">= 1.0, < 1.0.5|1.0.5;>= 2.0, < 2.0.1|2.0.1")]
    [InlineData("2.0|fixed:2.0.1|1.0|fixed:1.0.5", ">= 1.0, < 1.0.5|1.0.5;>= 2.0, < 2.0.1|2.0.1")]
    public void Each_interval_of_a_range_is_one_entry_in_github_s_range_syntax(string events, string expected)
    {
        var record = Record("TSSA-2026-1") with { Affected = [PyPi("tessera", Range("ECOSYSTEM", events))] };

        var entries = Map(record).Content.Vulnerabilities;

        Assert.Equal(expected, string.Join(';', entries.Select(entry => $"{entry.VulnerableVersionRange}|{entry.PatchedVersions}")));
    }

    [Fact]
    public void Listed_versions_without_a_range_are_one_entry_each_and_a_package_without_either_has_no_range()
    {
        var record = Record("TSSA-2026-1") with
        {
            Affected =
            [
                new OsvAffected { Package = new OsvPackage { Ecosystem = "npm", Name = "listed" }, Versions = ["1.0.1", "1.0.2"] },
                new OsvAffected { Package = new OsvPackage { Ecosystem = "npm", Name = "unknown" } },
            ],
        };

        var entries = Map(record).Content.Vulnerabilities;

        Assert.Equal(["listed = 1.0.1", "listed = 1.0.2", "unknown (none)"], entries.Select(entry => $"{entry.Name} {entry.VulnerableVersionRange ?? "(none)"}"));
    }

    [Fact]
    public void A_git_only_record_has_no_product_and_says_why()
    {
        var record = Record("TSSA-2026-1") with
        {
            Affected = [new OsvAffected { Ranges = [Range("GIT", "0|fixed:4b825dc642cb6eb9a060e54bf8d69288fbee4904") with { Repo = "https://github.com/acme/tessera" }] }],
        };

        var mapping = Map(record);

        Assert.Empty(mapping.Content.Vulnerabilities);
        Assert.Empty(mapping.Content.CreateBody().Vulnerabilities!);
        Assert.Equal(
            ["TSSA-2026-1: GIT ranges not sent (GitHub has no commit ranges)",
             "TSSA-2026-1: no package in an ecosystem GitHub knows: add the product on GitHub before publishing"],
            Texts(mapping));
    }

    [Fact]
    public void A_package_with_a_git_range_beside_its_version_range_keeps_the_version_range()
    {
        var record = Record("TSSA-2026-1") with
        {
            Affected = [PyPi("tessera", Range("ECOSYSTEM", "0|fixed:2.8.1"), Range("GIT", "0|fixed:4b825dc642cb6eb9a060e54bf8d69288fbee4904") with { Repo = "https://github.com/acme/tessera" })],
        };

        var mapping = Map(record);

        Assert.Equal("< 2.8.1", Assert.Single(mapping.Content.Vulnerabilities).VulnerableVersionRange);
        Assert.Equal(["TSSA-2026-1: GIT ranges not sent (GitHub has no commit ranges)"], Texts(mapping));
    }

    [Fact]
    public void Vulnerable_functions_come_from_affected_functions_or_from_go_imports()
    {
        var record = Record("TSSA-2026-1") with
        {
            Affected =
            [
                PyPi("tessera", Range("ECOSYSTEM", "0|fixed:2.8.1")) with { EcosystemSpecific = Json("""{"affected_functions": ["tessera.decode", "tessera.decode"]}""") },
                new OsvAffected
                {
                    Package = new OsvPackage { Ecosystem = "Go", Name = "github.com/acme/tessera" },
                    Ranges = [Range("SEMVER", "0|fixed:1.4.2")],
                    EcosystemSpecific = Json("""{"imports": [{"path": "github.com/acme/tessera/frame", "symbols": ["Decode", "Reader.Next"]}]}"""),
                },
            ],
        };

        var entries = Map(record).Content.Vulnerabilities;

        Assert.Equal(["tessera.decode"], entries[0].VulnerableFunctions);
        Assert.Equal(["github.com/acme/tessera/frame.Decode", "github.com/acme/tessera/frame.Reader.Next"], entries[1].VulnerableFunctions);
        Assert.Equal(("go", "< 1.4.2"), (entries[1].Ecosystem, entries[1].VulnerableVersionRange));
    }

    [Theory]
    [InlineData("GHSA-2222-3333-4444,CVE-2024-1234", "CVE-2024-1234", null)]
    [InlineData("CVE-2024-1234,CVE-2024-56789", "CVE-2024-1234", "TSSA-2026-1: more than one CVE ID: only the first was sent (GitHub takes one)")]
    [InlineData("CVE-24-1,PYSEC-2024-1", null, null)]
    [InlineData("", null, null)]
    public void The_cve_id_is_the_first_cve_alias(string aliases, string? cve, string? note)
    {
        var mapping = Map(Record("TSSA-2026-1", aliases: aliases.Split(',', StringSplitOptions.RemoveEmptyEntries)));

        Assert.Equal(cve, mapping.Content.CveId);
        Assert.Equal(note is null ? [] : [note], Texts(mapping));
    }

    [Fact]
    public void Cwe_ids_come_from_database_specific_and_malformed_ones_are_noted()
    {
        var record = Record("TSSA-2026-1") with { DatabaseSpecific = Json("""{"cwe_ids": ["CWE-787", "CWE-20", "CWE-787", "cwe-79", "Improper input"]}""") };

        var mapping = Map(record);

        Assert.Equal(["CWE-787", "CWE-20"], mapping.Content.CweIds);
        Assert.Equal(["TSSA-2026-1: CWE IDs not of the form CWE-<number> were not sent"], Texts(mapping));
    }

    [Theory]
    [InlineData("CVSS_V4:" + V4 + "|CVSS_V3:" + V3, V3)]
    [InlineData("CVSS_V4:" + V4, V4)]
    [InlineData("CVSS_V3:CVSS:3.1/AV:N|CVSS_V4:" + V4, V4)]
    [InlineData("CVSS_V2:AV:N/AC:L/Au:N/C:P/I:P/A:P", null)]
    [InlineData("", null)]
    public void The_cvss_vector_is_the_first_valid_v3_else_the_first_valid_v4(string severities, string? expected)
    {
        var record = Record("TSSA-2026-1") with
        {
            Severity = [.. severities.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(severity => new OsvSeverity { Type = severity[..severity.IndexOf(':')], Score = severity[(severity.IndexOf(':') + 1)..] })],
        };

        var mapping = Map(record);

        Assert.Equal(expected, mapping.Content.CvssVector);
        Assert.Equal(expected is null && severities.Length > 0 ? ["TSSA-2026-1: no valid CVSS v3 or v4.0 vector: no severity sent"] : [], Texts(mapping));
    }

    [Fact]
    public void A_package_level_vector_counts_when_the_record_has_none()
    {
        var record = Record("TSSA-2026-1") with
        {
            Severity = null,
            Affected = [PyPi("tessera", Range("ECOSYSTEM", "0|fixed:2.8.1")) with { Severity = [new OsvSeverity { Type = "CVSS_V3", Score = V3 }] }],
        };

        Assert.Equal(V3, Map(record).Content.CvssVector);
    }

    [Fact]
    public void The_description_is_the_details_the_references_and_the_marker_with_the_plan_s_ledger_entry()
    {
        var record = Record("TSSA-2026-1", published: "2025-06-01T00:00:00Z") with
        {
            Details = "A crafted frame overflows the decoder.\r\n\r\n### Impact\nRemote code execution.\n\n",
            References =
            [
                new OsvReference { Type = "ADVISORY", Url = "https://security.tessera-project.org/TSSA-2026-1/" },
                new OsvReference { Type = "FIX", Url = "https://github.com/acme/tessera/commit/4b825dc" },
                new OsvReference { Type = "WEB", Url = "https://github.com/acme/tessera/commit/4b825dc" },
            ],
        };
        var entry = Plan(record);

        var content = GhsaDraftMapper.Map(entry).Content;

        Assert.Equal(
            "A crafted frame overflows the decoder.\n\n### Impact\nRemote code execution.\n\n"
            + "### References\n\n- https://security.tessera-project.org/TSSA-2026-1/\n- https://github.com/acme/tessera/commit/4b825dc\n\n"
            + "OSV: TSSA-2026-1\n"
            + $"<!-- advisory-pipeline ledger: modified=2026-02-01T10:00:00Z published=2025-06-01T00:00:00Z sha={entry.ContentSha} -->",
            content.Description);
        Assert.True(GhsaMarker.TryFind(content.Description.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n", out var marker));
        Assert.Equal(("TSSA-2026-1", new GhsaLedgerEntry("2026-02-01T10:00:00Z", "2025-06-01T00:00:00Z", null, entry.ContentSha!)), (marker.OsvId, marker.Ledger));
        Assert.Equal(new LedgerRecord("TSSA-2026-1", "2026-02-01T10:00:00Z", "2025-06-01T00:00:00Z", null, entry.ContentSha!), marker.Ledger!.ToLedgerRecord("TSSA-2026-1"));
    }

    [Fact]
    public void Without_a_summary_the_first_line_of_the_details_is_the_summary_and_without_details_the_summary_is_the_description()
    {
        var fromDetails = Map(Record("TSSA-2026-1") with { Summary = null, Details = "\n  The decoder overflows on long frames.  \nMore text." });
        var fromSummary = Map(Record("TSSA-2026-1") with { Details = null, References = null });

        Assert.Equal("The decoder overflows on long frames.", fromDetails.Content.Summary);
        Assert.StartsWith("Heap overflow in the frame decoder\n\nOSV: TSSA-2026-1\n", fromSummary.Content.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Texts_beyond_github_s_limits_are_cut_with_a_note()
    {
        var record = Record("TSSA-2026-1") with
        {
            Summary = string.Concat(Enumerable.Repeat("Overflow ", 200)) + "\U0001F4A5",
            Details = string.Concat(Enumerable.Repeat("Überlauf im Decoder. ", 5000)),
        };

        var mapping = Map(record);

        Assert.Equal(GhsaText.MaxSummaryLength, mapping.Content.Summary.Length);
        Assert.EndsWith("…", mapping.Content.Summary, StringComparison.Ordinal);
        Assert.StartsWith(mapping.Content.Summary[..^1], record.Summary, StringComparison.Ordinal);
        Assert.InRange(Encoding.UTF8.GetByteCount(mapping.Content.Description), GhsaText.MaxDescriptionBytes - 100, GhsaText.MaxDescriptionBytes);
        Assert.Contains("*Shortened to fit GitHub: the full text is in the OSV record TSSA-2026-1.*\n\n### References\n", mapping.Content.Description, StringComparison.Ordinal);
        Assert.True(GhsaMarker.TryFind(mapping.Content.Description, out _));
        Assert.Equal(["TSSA-2026-1: summary cut to GitHub's 1024 characters", "TSSA-2026-1: description cut to GitHub's 65535 bytes"], Texts(mapping));
    }

    [Fact]
    public void A_withdrawn_record_is_a_closed_draft()
    {
        var content = Map(Record("TSSA-2026-1", withdrawn: "2026-01-15T00:00:00Z")).Content;

        Assert.Equal((true, "closed"), (content.Closed, content.State));
        Assert.Null(content.CreateBody().State);
        // Created without its ledger comment: the closing update brings it, so a draft left open is done again.
        Assert.EndsWith("\n\nOSV: TSSA-2026-1", content.CreateBody().Description, StringComparison.Ordinal);
    }

    private static GhsaMapping Map(OsvRecord record) => GhsaDraftMapper.Map(Plan(record));

    private static IReadOnlyList<string> Texts(GhsaMapping mapping) => [.. mapping.Notes.Select(note => note.ToString())];

    private static PlannedAdvisory Plan(OsvRecord record) =>
        PublishPlanner.Plan([Advisory(record)], [], PublishingSupport.EmptyLedger, FirstRun).Advisories.Single();

    private static OsvAffected PyPi(string name, params OsvRange[] ranges) =>
        new() { Package = new OsvPackage { Ecosystem = "PyPI", Name = name }, Ranges = ranges };

    /// <summary>"1.0|fixed:1.2.3": an introduced version, then kind:version events.</summary>
    private static OsvRange Range(string type, string events) => new()
    {
        Type = type,
        Events = [.. events.Split('|').Select(text => text.Split(':') switch
        {
            ["fixed", var version] => new OsvEvent { Fixed = version },
            ["last_affected", var version] => new OsvEvent { LastAffected = version },
            [var version] => new OsvEvent { Introduced = version },
            _ => throw new ArgumentException(text, nameof(events)),
        })],
    };

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
