using System.Text;
using System.Text.Json;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;

namespace AdvisoryPipeline.Tests.Osv;

public sealed class CanonicalOsvWriterTests
{
    /// <summary>A record with every field of the specification, free-form objects with keys out of alphabetical order, and text that needs care.</summary>
    private static OsvRecord EveryField() => new()
    {
        SchemaVersion = "1.2.0",
        Id = "TSSA-2025-4",
        Modified = "2025-11-03T08:15:00Z",
        Published = "2025-10-30T17:00:00.5Z",
        Withdrawn = "2025-11-03T08:15:00Z",
        Aliases = ["CVE-2025-41123", "GHSA-2f3x-8qpw-4m5v"],
        Upstream = ["CVE-2025-41000"],
        Related = ["TSSA-2024-1"],
        Summary = "Schéma <validation> & \"quotes\" 😀",
        Details = "Line one,\ttabbed.\nLine two \\ backslash, bell \u0007, separator \u2028 end.",
        Severity = [new OsvSeverity { Type = "CVSS_V4", Score = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N" }],
        Affected =
        [
            new OsvAffected
            {
                Package = new OsvPackage { Ecosystem = "Debian:12", Name = "tessera", Purl = "pkg:deb/debian/tessera" },
                Severity = [new OsvSeverity { Type = "Ubuntu", Score = "high" }],
                Ranges =
                [
                    new OsvRange
                    {
                        Type = "GIT",
                        Repo = "https://github.com/tessera-project/tessera",
                        Events =
                        [
                            new OsvEvent { Introduced = "28ac16959f3d6f97faebe2a7f09fa56a7a07dade" },
                            new OsvEvent { Fixed = "9f1c2d3e4b5a69788796a5b4c3d2e1f00a1b2c3d" },
                            new OsvEvent { LastAffected = "8e0b1c2d3a4f59687786f5a4b3c2d1e0f9a0b1c2" },
                            new OsvEvent { Limit = "dbca9f4bfd33aee04ec5f6e04dfb7ed1be59614f" },
                        ],
                        DatabaseSpecific = Json("""{"zeta": 1, "alpha": [true, null]}"""),
                    },
                ],
                Versions = ["2.6.3", "2.6.4"],
                EcosystemSpecific = Json("""{"urgency": "high", "arch": ["amd64"]}"""),
                DatabaseSpecific = Json("""{"source": "tracker"}"""),
            },
        ],
        References = [new OsvReference { Type = "FIX", Url = "https://github.com/tessera-project/tessera/commit/9f1c2d3" }],
        Credits = [new OsvCredit { Name = "Hyun-woo Baek", Contact = ["mailto:hw@example.org"], Type = "FINDER" }],
        DatabaseSpecific = Json("""{"z_last": {"b": 2, "a": 1.50}, "cwe_ids": ["CWE-125"], "escaped": "\u00e9\u003c"}"""),
    };

    private const string Golden = """
        {
          "schema_version": "1.7.4",
          "id": "TSSA-2025-4",
          "modified": "2025-11-03T08:15:00Z",
          "published": "2025-10-30T17:00:00.5Z",
          "withdrawn": "2025-11-03T08:15:00Z",
          "aliases": [
            "CVE-2025-41123",
            "GHSA-2f3x-8qpw-4m5v"
          ],
          "upstream": [
            "CVE-2025-41000"
          ],
          "related": [
            "TSSA-2024-1"
          ],
          "summary": "Schéma <validation> & \"quotes\" 😀",
          "details": "Line one,\ttabbed.\nLine two \\ backslash, bell \u0007, separator \u2028 end.",
          "severity": [
            {
              "type": "CVSS_V4",
              "score": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N"
            }
          ],
          "affected": [
            {
              "package": {
                "ecosystem": "Debian:12",
                "name": "tessera",
                "purl": "pkg:deb/debian/tessera"
              },
              "severity": [
                {
                  "type": "Ubuntu",
                  "score": "high"
                }
              ],
              "ranges": [
                {
                  "type": "GIT",
                  "repo": "https://github.com/tessera-project/tessera",
                  "events": [
                    {
                      "introduced": "28ac16959f3d6f97faebe2a7f09fa56a7a07dade"
                    },
                    {
                      "fixed": "9f1c2d3e4b5a69788796a5b4c3d2e1f00a1b2c3d"
                    },
                    {
                      "last_affected": "8e0b1c2d3a4f59687786f5a4b3c2d1e0f9a0b1c2"
                    },
                    {
                      "limit": "dbca9f4bfd33aee04ec5f6e04dfb7ed1be59614f"
                    }
                  ],
                  "database_specific": {
                    "zeta": 1,
                    "alpha": [
                      true,
                      null
                    ]
                  }
                }
              ],
              "versions": [
                "2.6.3",
                "2.6.4"
              ],
              "ecosystem_specific": {
                "urgency": "high",
                "arch": [
                  "amd64"
                ]
              },
              "database_specific": {
                "source": "tracker"
              }
            }
          ],
          "references": [
            {
              "type": "FIX",
              "url": "https://github.com/tessera-project/tessera/commit/9f1c2d3"
            }
          ],
          "credits": [
            {
              "name": "Hyun-woo Baek",
              "contact": [
                "mailto:hw@example.org"
              ],
              "type": "FINDER"
            }
          ],
          "database_specific": {
            "z_last": {
              "b": 2,
              "a": 1.50
            },
            "cwe_ids": [
              "CWE-125"
            ],
            "escaped": "é<"
          }
        }

        """;

    [Fact]
    public void A_record_with_every_field_is_written_byte_for_byte_as_the_golden_file()
    {
        var bytes = CanonicalOsvWriter.Write(EveryField());

        Assert.Equal(Golden, Encoding.UTF8.GetString(bytes));
        // UTF-8 without a byte order mark, "\n" only, exactly one final newline.
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal(((byte)'}', (byte)'\n'), (bytes[^2], bytes[^1]));
    }

    [Fact]
    public void Keys_follow_the_specification_order_at_every_level_and_free_form_objects_keep_the_authored_order()
    {
        using var document = JsonDocument.Parse(CanonicalOsvWriter.Write(EveryField()));
        var root = document.RootElement;
        var affected = root.GetProperty("affected")[0];

        Assert.Equal(
            ["schema_version", "id", "modified", "published", "withdrawn", "aliases", "upstream", "related", "summary", "details",
             "severity", "affected", "references", "credits", "database_specific"],
            Names(root));
        Assert.Equal(["package", "severity", "ranges", "versions", "ecosystem_specific", "database_specific"], Names(affected));
        Assert.Equal(["ecosystem", "name", "purl"], Names(affected.GetProperty("package")));
        Assert.Equal(["type", "repo", "events", "database_specific"], Names(affected.GetProperty("ranges")[0]));
        Assert.Equal(["name", "contact", "type"], Names(root.GetProperty("credits")[0]));
        Assert.Equal(["z_last", "cwe_ids", "escaped"], Names(root.GetProperty("database_specific")));
        Assert.Equal(["zeta", "alpha"], Names(affected.GetProperty("ranges")[0].GetProperty("database_specific")));
    }

    [Fact]
    public void Output_depends_only_on_the_record_and_omits_what_is_not_set()
    {
        var minimal = new OsvRecord { Id = "TSSA-2026-9", Modified = "2026-01-01T00:00:00Z" };

        var first = CanonicalOsvWriter.Write(EveryField());
        var second = CanonicalOsvWriter.Write(EveryField() with { });

        Assert.Equal(first, second);
        Assert.Equal("{\n  \"schema_version\": \"1.7.4\",\n  \"id\": \"TSSA-2026-9\",\n  \"modified\": \"2026-01-01T00:00:00Z\"\n}\n",
            Encoding.UTF8.GetString(CanonicalOsvWriter.Write(minimal)));
    }

    [Fact]
    public void The_schema_version_is_the_one_of_the_osv_specification_the_schema_implements()
    {
        var schema = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "schemas", "osv-schema.json"));
        using var document = JsonDocument.Parse(schema);
        var title = document.RootElement.GetProperty("title").GetString()!;

        // "OSV vulnerability record (OSV schema 1.7)": the writer claims the latest 1.7 patch release, 1.7.4.
        Assert.Contains("OSV schema 1.7", title, StringComparison.Ordinal);
        Assert.StartsWith("1.7.", CanonicalOsvWriter.SchemaVersion, StringComparison.Ordinal);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(property => property.Name)];
}
