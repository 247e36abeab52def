using System.Diagnostics;
using System.Globalization;

namespace AdvisoryPipeline.Benchmarks;

/// <summary>
/// <c>advisory validate</c> against the fastest validator other advisory databases use, Ajv with js-yaml (schema
/// only: no lint, no source positions), on the same files in the same run: one file, the shared PyPA corpus and
/// 50,000 generated files. Runs alternate, ours then theirs (A B A B), so that the machine's load falls on both
/// alike; the ratio is what counts. Ajv and js-yaml are installed from npm into a temporary folder that is
/// deleted afterwards: they are never a dependency of the project or of its tests.
/// </summary>
public static class AjvComparison
{
    // Versions pinned so that reruns compare the same thing.
    private static readonly string[] Packages = ["ajv@8.17.1", "ajv-formats@3.0.1", "js-yaml@4.1.0"];

    /// <summary>What the Ajv side runs: every *.yaml under the inputs through js-yaml (YAML 1.2 core schema) and Ajv 2020-12.</summary>
    private const string Validator = """
        import { readFileSync, readdirSync, statSync } from 'node:fs';
        import { join } from 'node:path';
        import Ajv2020 from 'ajv/dist/2020.js';
        import addFormats from 'ajv-formats';
        import yaml from 'js-yaml';

        const [schemaPath, ...inputs] = process.argv.slice(2);
        const ajv = new Ajv2020({ allErrors: true, strict: false });
        addFormats(ajv);
        const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
        function* files(path) {
          if (statSync(path).isDirectory()) { for (const entry of readdirSync(path).sort()) yield* files(join(path, entry)); }
          else if (path.endsWith('.yaml') && !path.endsWith('database.yaml')) yield path;
        }
        const out = [];
        let count = 0, invalid = 0;
        for (const input of inputs) for (const file of files(input)) {
          count++;
          let document;
          try { document = yaml.load(readFileSync(file, 'utf8'), { schema: yaml.CORE_SCHEMA }); }
          catch (e) { invalid++; out.push(`${file}: ${e.message}`); continue; }
          if (document && typeof document === 'object') delete document.pipeline;
          if (!validate(document)) { invalid++; for (const e of validate.errors) out.push(`${file}: ${e.instancePath} ${e.message}`); }
        }
        process.stdout.write(out.join('\n') + `\n${count} files, ${invalid} invalid\n`);
        process.exit(invalid ? 1 : 0);
        """;

    public static int Run(string repositoryRoot, string ours, int runs, string largeCorpus, int largeCount)
    {
        if (!File.Exists(ours))
        {
            Console.Error.WriteLine($"no binary at {ours}: run scripts/publish-native.sh first, or give --advisory PATH");
            return 2;
        }
        var corpus = Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "corpus", "pypa"));
        if (!Directory.Exists(largeCorpus) || Directory.EnumerateFiles(largeCorpus, "*.yaml", SearchOption.AllDirectories).Count() != largeCount)
        {
            Console.WriteLine($"generating {largeCount} advisories in {largeCorpus} ...");
            CorpusGenerator.Generate(corpus, largeCorpus, largeCount);
        }

        var work = Directory.CreateTempSubdirectory("advisory-bench-ajv-");
        try
        {
            Console.WriteLine($"installing {string.Join(", ", Packages)} from npm into {work.FullName} ...");
            Run("npm", ["install", "--no-audit", "--no-fund", "--no-save", "--silent", "--prefix", work.FullName, .. Packages], work.FullName);
            var script = Path.Combine(work.FullName, "validate.mjs");
            File.WriteAllText(script, Validator);
            var schema = Path.Combine(repositoryRoot, "schemas", "osv-schema.json");
            var node = Which("node");

            Console.WriteLine($"ours: {ours}; theirs: node {Run(node, ["--version"], work.FullName).Trim()} with {string.Join(", ", Packages)}");
            Console.WriteLine($"{runs} paired runs per case (ours, Ajv, ours, Ajv, ...), medians; ratio = ours / Ajv");
            Console.WriteLine();
            Console.WriteLine($"{"case",-28} {"ours wall",10} {"Ajv wall",10} {"ratio",6}   {"ours cpu",9} {"Ajv cpu",9} {"ratio",6}   {"ours peak",10} {"Ajv peak",10}");
            var single = Path.Combine(repositoryRoot, "advisories", "TSSA-2025-1.yaml");
            foreach (var (name, input) in new[] { ("one file", single), ($"PyPA corpus", corpus), ($"{largeCount:N0} files (--no-cache)", largeCorpus) })
            {
                var pairs = Paired(runs,
                    () => ProcessMeasurement.Measure(ours, ["validate", input, "--no-cache"], repositoryRoot),
                    () => ProcessMeasurement.Measure(node, [script, schema, input], work.FullName));
                Console.WriteLine(Line(name, pairs));
            }

            // The repeat run over unchanged files: ours only (Ajv has no cache).
            var cache = Path.Combine(work.FullName, "cache");
            ProcessMeasurement.Measure(ours, ["validate", largeCorpus, "--cache-dir", cache], repositoryRoot);
            var repeats = Enumerable.Range(0, runs)
                .Select(_ => ProcessMeasurement.Measure(ours, ["validate", largeCorpus, "--cache-dir", cache], repositoryRoot)).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{$"{largeCount:N0} files, repeat (cache)",-28} {Median(repeats, r => r.Wall.TotalMilliseconds),8:F0}ms {"",10} {"",6}   {Median(repeats, r => r.Cpu.TotalMilliseconds),7:F0}ms {"",9} {"",6}   {Median(repeats, r => r.PeakRssKiB / 1024.0),7:F0}MiB"));
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static (ProcessRun Ours, ProcessRun Theirs)[] Paired(int runs, Func<ProcessRun> ours, Func<ProcessRun> theirs)
    {
        // One unmeasured run of each warms the file system cache: "cold" means a cold process, not a cold disk.
        ours();
        theirs();
        return [.. Enumerable.Range(0, runs).Select(_ => (ours(), theirs()))];
    }

    private static string Line(string name, (ProcessRun Ours, ProcessRun Theirs)[] pairs)
    {
        double Ms(TimeSpan t) => t.TotalMilliseconds;
        var oursWall = Median(pairs, p => Ms(p.Ours.Wall));
        var theirWall = Median(pairs, p => Ms(p.Theirs.Wall));
        var oursCpu = Median(pairs, p => Ms(p.Ours.Cpu));
        var theirCpu = Median(pairs, p => Ms(p.Theirs.Cpu));
        // The median of the paired ratios: each pair ran under the same load.
        var wallRatio = Median(pairs, p => Ms(p.Ours.Wall) / Ms(p.Theirs.Wall));
        var cpuRatio = Median(pairs, p => Ms(p.Ours.Cpu) / Ms(p.Theirs.Cpu));
        return string.Create(CultureInfo.InvariantCulture,
            $"{name,-28} {oursWall,8:F0}ms {theirWall,8:F0}ms {wallRatio,5:F2}x   {oursCpu,7:F0}ms {theirCpu,7:F0}ms {cpuRatio,5:F2}x   {pairs.Max(p => p.Ours.PeakRssKiB) / 1024.0,7:F0}MiB {pairs.Max(p => p.Theirs.PeakRssKiB) / 1024.0,7:F0}MiB");
    }

    private static double Median<T>(IEnumerable<T> items, Func<T, double> value)
    {
        var sorted = items.Select(value).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{program} is not on PATH (Node.js 18 or later is needed for the Ajv side)");

    private static string Run(string program, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program.Contains('/') ? program : Which(program))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr.Result}");
        return stdout;
    }
}
