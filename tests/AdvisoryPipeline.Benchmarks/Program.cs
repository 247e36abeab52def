using System.Globalization;
using BenchmarkDotNet.Running;
using AdvisoryPipeline.Benchmarks;

// Benchmarks of AdvisoryPipeline. Verbs:
//   generate --count N --out DIR [--from DIR]   build a large database from the shared pypa corpus
//   process [--runs N] -- COMMAND [ARGS...]      whole-process wall time and peak memory of a command
//   stages [--corpus DIR] [--rounds N]           warm time and allocation per file of each validation stage
//   publish-github [--count N] [--changed N]     publish N records to the fake GitHub API: time and requests
//   validate [--corpus DIR] [--rounds N]         whole validations in one process, all cores (cold round, then warm)
//   bare [--corpus DIR] [--rounds N]             YamlDotNet's parser alone over a folder, all cores (the floor)
//   compare [--runs N] [--advisory BIN] [--large DIR] [--count N]
//                                                ours against Ajv + js-yaml (from npm, in a temporary folder), paired runs
//   micro [BenchmarkDotNet arguments]            in-process micro-benchmarks (Release build only)
const string usage = "usage: bench generate --count N --out DIR [--from DIR] | bench process [--runs N] -- COMMAND [ARGS...] | bench compare [--runs N] [--advisory BIN] [--large DIR] [--count N] | bench micro [ARGS...]";

if (args.Length == 0)
{
    Console.Error.WriteLine(usage);
    return 2;
}

switch (args[0])
{
    case ProcessMeasurement.MeasureOnceVerb:
        return ProcessMeasurement.MeasureOnceInChild(args[1], args.Skip(2));

    case "generate":
    {
        var count = int.Parse(Option(args, "--count") ?? "50000", CultureInfo.InvariantCulture);
        var output = Option(args, "--out") ?? throw new ArgumentException("--out is required");
        var source = Option(args, "--from") ?? Path.Combine(RepositoryRoot(), "..", "shared", "corpus", "pypa");
        CorpusGenerator.Generate(source, output, count);
        Console.WriteLine($"wrote {count} advisories to {output}");
        return 0;
    }

    case "process":
    {
        var separator = Array.IndexOf(args, "--");
        if (separator < 0 || separator == args.Length - 1)
        {
            Console.Error.WriteLine(usage);
            return 2;
        }
        var runs = int.Parse(Option(args[..separator], "--runs") ?? "5", CultureInfo.InvariantCulture);
        var command = args[separator + 1];
        var arguments = args[(separator + 2)..];
        // One unmeasured run warms the file system cache: "cold" means a cold process, not a cold disk.
        ProcessMeasurement.Measure(command, arguments, Directory.GetCurrentDirectory());
        var results = Enumerable.Range(0, runs)
            .Select(_ => ProcessMeasurement.Measure(command, arguments, Directory.GetCurrentDirectory()))
            .ToArray();
        foreach (var run in results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wall {run.Wall.TotalMilliseconds,8:F0} ms   cpu {run.Cpu.TotalMilliseconds,8:F0} ms   peak {run.PeakRssKiB / 1024.0,7:F1} MiB   exit {run.ExitCode}"));
        var walls = results.Select(r => r.Wall.TotalMilliseconds).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median {walls[walls.Length / 2]:F0} ms, min {walls[0]:F0} ms, max {walls[^1]:F0} ms, peak memory {results.Max(r => r.PeakRssKiB) / 1024.0:F1} MiB over {runs} runs"));
        return 0;
    }

    case "stages":
        StageTimings.Run(Option(args, "--corpus") ?? Path.Combine(RepositoryRoot(), "..", "shared", "corpus", "pypa"),
            int.Parse(Option(args, "--rounds") ?? "5", CultureInfo.InvariantCulture));
        return 0;

    case "publish-github":
        await GitHubPublishBenchmark.RunAsync(
            Option(args, "--from") ?? Path.Combine(RepositoryRoot(), "..", "shared", "corpus", "pypa"),
            int.Parse(Option(args, "--count") ?? "10000", CultureInfo.InvariantCulture),
            int.Parse(Option(args, "--changed") ?? "100", CultureInfo.InvariantCulture));
        return 0;

    case "validate":
        WarmValidation.Run(Option(args, "--corpus") ?? Path.Combine(RepositoryRoot(), "..", "shared", "corpus", "pypa"),
            int.Parse(Option(args, "--rounds") ?? "5", CultureInfo.InvariantCulture));
        return 0;

    case "bare":
        BareParse.Run(Option(args, "--corpus") ?? Path.Combine(RepositoryRoot(), "..", "shared", "corpus", "pypa"),
            int.Parse(Option(args, "--rounds") ?? "1", CultureInfo.InvariantCulture));
        return 0;

    case "compare":
        return AjvComparison.Run(RepositoryRoot(),
            Path.GetFullPath(Option(args, "--advisory") ?? Path.Combine(RepositoryRoot(), ".tools", "advisory-native", "advisory")),
            int.Parse(Option(args, "--runs") ?? "5", CultureInfo.InvariantCulture),
            Path.GetFullPath(Option(args, "--large") ?? Path.Combine(Path.GetTempPath(), "advisory-corpus-50k")),
            int.Parse(Option(args, "--count") ?? "50000", CultureInfo.InvariantCulture));

    case "micro":
        BenchmarkSwitcher.FromAssembly(typeof(CorpusGenerator).Assembly).Run(args[1..]);
        return 0;

    default:
        Console.Error.WriteLine(usage);
        return 2;
}

static string? Option(string[] args, string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "AdvisoryPipeline.sln")))
            return dir.FullName;
    return Directory.GetCurrentDirectory();
}
