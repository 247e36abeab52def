using System.Text.Json;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Publishing;

namespace AdvisoryPipeline.Tests.TestSupport;

/// <summary>Realistic records built in code (the YAML loader is another stage), and publish requests made of them.</summary>
internal static class SampleAdvisories
{
    public static readonly DateTimeOffset FirstRun = new(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset SecondRun = new(2026, 2, 2, 10, 0, 0, TimeSpan.Zero);

    public static readonly IRecordValidator AcceptAll = new DelegateRecordValidator(_ => []);

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

    public static PublishableAdvisory Advisory(OsvRecord record) => new(record, $"advisories/{record.Id}.yaml");

    public static PublishableAdvisory Advisory(string id, string summary = "Heap overflow in the frame decoder", string? published = null, string? withdrawn = null) =>
        Advisory(Record(id, summary, published: published, withdrawn: withdrawn));

    /// <summary><paramref name="count"/> advisories TSSA-&lt;year&gt;-&lt;n&gt; over three years and two ecosystems.</summary>
    public static IReadOnlyList<PublishableAdvisory> Many(int count, string summary = "Heap overflow in the frame decoder") =>
        [.. Enumerable.Range(1, count).Select(i => Advisory(Record(
            $"TSSA-{2024 + i % 3}-{i}",
            summary,
            ecosystem: i % 2 == 0 ? "PyPI" : "npm",
            published: "2025-06-01T00:00:00Z")))];

    public static PublishRequest Request(IReadOnlyList<PublishableAdvisory> advisories, DateTimeOffset now, IReadOnlyList<string>? held = null, bool dryRun = false) =>
        new(advisories, held ?? [], now, dryRun);

    /// <summary>Publishes to one target and returns its result.</summary>
    public static async Task<TargetPublishResult> PublishAsync(IPublishTarget target, IReadOnlyList<PublishableAdvisory> advisories, DateTimeOffset now,
        IReadOnlyList<string>? held = null, IRecordValidator? validator = null) =>
        (await new Publisher(validator ?? AcceptAll).PublishAsync(Request(advisories, now, held), [target])).Single();
}
