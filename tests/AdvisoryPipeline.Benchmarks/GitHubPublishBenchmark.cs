using System.Diagnostics;
using System.Globalization;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.FakeGitHub;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Publishing;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Benchmarks;

/// <summary>
/// Publishes a large database to the fake GitHub REST API on 127.0.0.1 through the real Octokit client, three
/// times: the first publish, an unchanged re-run, and a run that changes some records. Reports the wall time and
/// the requests of each: the figures that decide how long a merge waits and how close it comes to rate limits.
/// </summary>
public static class GitHubPublishBenchmark
{
    public static async Task RunAsync(string sourceFolder, int count, int changed)
    {
        var records = Records(sourceFolder, count);
        await using var github = await FakeGitHubServer.StartNewAsync();
        github.CreateRepository("tessera-project", "advisory-database");
        var variables = new Dictionary<string, string>
        {
            ["GITHUB_TOKEN"] = github.Token,
            ["GITHUB_API_URL"] = github.BaseUri.AbsoluteUri,
        };
        var context = new PublishTargetContext(Directory.GetCurrentDirectory(), name => variables.GetValueOrDefault(name));
        var target = PublishTargets.Create(PublishTargetSpec.Parse("github:tessera-project/advisory-database"), context);
        var publisher = new Publisher(new SchemaRecordValidator(OsvSchema.Embedded(null)));
        var now = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

        Console.WriteLine($"{records.Count} records, fake GitHub at {github.BaseUri}");
        await Measure("first publish", github, () => publisher.PublishAsync(new PublishRequest(records, [], now), [target]));
        await Measure("unchanged re-run", github, () => publisher.PublishAsync(new PublishRequest(records, [], now.AddHours(1)), [target]));
        var edited = records.Select((r, i) => i < changed
            ? r with { Record = r.Record with { Details = r.Record.Details + "\n\nUpdated." } }
            : r).ToArray();
        await Measure($"{changed} changed", github, () => publisher.PublishAsync(new PublishRequest(edited, [], now.AddHours(2)), [target]));
    }

    private static async Task Measure(string label, FakeGitHubServer github, Func<Task<IReadOnlyList<TargetPublishResult>>> publish)
    {
        var mark = github.Requests.Mark();
        var clock = Stopwatch.StartNew();
        var results = await publish();
        clock.Stop();
        var requests = github.Requests.Since(mark);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-18} {clock.Elapsed.TotalSeconds,6:F2} s  {requests.Count,4} requests ({requests.Count(r => r.IsWrite)} writes)  {results[0].Outcome?.Description}"));
        // Which requests, in order and run-length grouped: "GET ref, GET trees x2, ..." shows where a count comes from.
        var kinds = requests.Select(r => $"{r.Method} {r.Path.Split('/').ElementAtOrDefault(5) ?? r.Path}").ToList();
        var groups = new List<(string Kind, int Count)>();
        foreach (var kind in kinds)
        {
            if (groups.Count > 0 && groups[^1].Kind == kind) groups[^1] = (kind, groups[^1].Count + 1);
            else groups.Add((kind, 1));
        }
        Console.WriteLine("                   " + string.Join(", ", groups.Select(g => g.Count == 1 ? g.Kind : $"{g.Kind} x{g.Count}")));
    }

    /// <summary>Schema-valid records of the source corpus, copied under new IDs until there are <paramref name="count"/>.</summary>
    private static List<PublishableAdvisory> Records(string folder, int count)
    {
        var schema = OsvSchema.Embedded(null);
        var sources = Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(path => AdvisoryYamlLoader.LoadFile(path))
            .Where(document => document.Record is { } json && schema.Compiled.IsValid(json))
            .Select(document => LoadedAdvisory.From(document, out _)?.Record)
            .OfType<OsvRecord>()
            .ToArray();
        var records = new List<PublishableAdvisory>(count);
        for (var i = 0; i < count; i++)
        {
            var source = sources[i % sources.Length];
            var year = source.Published?[..4] ?? "2024";
            var id = string.Create(CultureInfo.InvariantCulture, $"PYSEC-{year}-{100_000 + i}");
            records.Add(new PublishableAdvisory(source with { Id = id, Aliases = null }, $"{id}.yaml"));
        }
        return records;
    }
}
