using System.Diagnostics;
using System.Globalization;
using System.Text;
using AdvisoryPipeline.Tests.TestSupport;
using Xunit.Abstractions;

namespace AdvisoryPipeline.Tests.Cli;

/// <summary>
/// A seeded, time-bounded fuzz run: real advisories (the shared PyPA corpus and the example database), mutated in the
/// ways hostile or careless hands mutate them, go through validate, fix (twice) and render. Any internal error, any
/// hang, any finding without its file, or a fix that is not idempotent fails the test, with the seed and the input
/// that did it (the input is kept as advisory-fuzz-input.yaml in the temp folder). <c>ADVISORY_FUZZ_SEED</c> and <c>ADVISORY_FUZZ_SECONDS</c> change the run (a longer one finds more).
/// </summary>
public sealed class MutationFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const string Now = "2026-11-22T12:00:00Z";
    private static readonly TimeSpan PerCommand = TimeSpan.FromSeconds(20);

    private readonly TempFolder _temp = new("advisory-fuzz-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Mutated_real_advisories_never_crash_hang_or_make_fix_flip_flop()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ADVISORY_FUZZ_SEED"), CultureInfo.InvariantCulture, out var given) ? given : 20261207;
        var budget = TimeSpan.FromSeconds(double.TryParse(Environment.GetEnvironmentVariable("ADVISORY_FUZZ_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s : 25);
        var random = new Random(seed);
        var sources = Sources();
        var database = _temp.Combine("db", "advisories");
        Directory.CreateDirectory(database);
        ExampleDatabase.CopyConfigurationTo(database);
        var cli = new CliRunner(_temp.Combine("db"));

        var clock = Stopwatch.StartNew();
        var inputs = 0;
        while (clock.Elapsed < budget)
        {
            var source = sources[random.Next(sources.Count)];
            var mutation = Mutations[random.Next(Mutations.Length)];
            var text = mutation.Apply(File.ReadAllText(source), random);
            var file = Path.Combine(database, "TSSA-2026-1.yaml");
            File.WriteAllBytes(file, Encoding.UTF8.GetBytes(text));
            var what = $"seed {seed}, input {inputs}: {mutation.Name} of {Path.GetFileName(source)}";
            inputs++;

            Check(cli, what, "validate", "--no-cache");
            Check(cli, what, "fix");
            var fixedOnce = File.ReadAllBytes(file);
            Check(cli, what, "fix");
            Assert.True(fixedOnce.AsSpan().SequenceEqual(File.ReadAllBytes(file)), $"{what}: a second fix changed the file again:\n{text}");
            Check(cli, what, "render", "--now", Now, "--out", "out");
        }
        output.WriteLine($"seed {seed}: {inputs} inputs in {clock.Elapsed.TotalSeconds:F1} s, each through validate, fix twice and render");
        Assert.True(inputs >= 50, $"only {inputs} inputs in {budget}: the fuzz run is too slow to mean much");
    }

    private static void Check(CliRunner cli, string what, params string[] args)
    {
        // The input, kept where a failure can be reproduced from (the temp folder goes with the test).
        File.Copy(Path.Combine(cli.WorkingDirectory, "advisories", "TSSA-2026-1.yaml"), Path.Combine(Path.GetTempPath(), "advisory-fuzz-input.yaml"), overwrite: true);
        var run = Task.Run(() => cli.Run(args));
        Assert.True(run.Wait(PerCommand), $"{what}: {string.Join(' ', args)} did not finish within {PerCommand.TotalSeconds} s");
        var result = run.Result;
        var output = result.Out + result.Error;
        Assert.False(result.ExitCode == 3 || output.Contains("internal error", StringComparison.Ordinal),
            $"{what}: {string.Join(' ', args)} failed with {result.ExitCode}:\n{output}");
        foreach (var line in output.Split('\n').Where(line => line.Contains("error[", StringComparison.Ordinal) || line.Contains("warning[", StringComparison.Ordinal)))
            Assert.True(line.StartsWith("advisories/", StringComparison.Ordinal) || line.StartsWith("out", StringComparison.Ordinal),
                $"{what}: {string.Join(' ', args)} reported a finding without its file: {line}");
    }

    /// <summary>Every tenth PyPA advisory and the example database: real shapes, real lengths.</summary>
    private static List<string> Sources()
    {
        var pypa = Directory.GetFiles(SharedData.PathOf("corpus", "pypa"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        var example = Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "advisories"), "TSSA-*.yaml");
        return [.. pypa.Where((_, i) => i % 10 == 0), .. example];
    }

    private sealed record Mutation(string Name, Func<string, Random, string> Apply);

    private static string AtRandomPlace(string text, Random random, string insert)
    {
        var at = random.Next(text.Length + 1);
        return text[..at] + insert + text[at..];
    }

    private static string ReplaceRandomLine(string text, Random random, Func<string, string> change)
    {
        var lines = text.Split('\n');
        var i = random.Next(lines.Length);
        lines[i] = change(lines[i]);
        return string.Join('\n', lines);
    }

    private static readonly string[] Nasties =
    [
        "\0", "\t", "\r", "\u0085", "\u2028", "\u202E", "\uFEFF", "\u200B", "\"\\ud800\"", "\"\\ud800\\u0041\"", "\"\\UFFFFFFFF\"",
        "\"\\x00\"", "'", "\"", ": ", "- ", "&a ", "*a", "!!binary ", "!custom ", "? ", "{", "[", "]", "}", "#", "|", ">", "%YAML 1.1\n",
        "---\n", "...\n", "<<: *a\n", "1.10", "yes", "0777", "2021-10-11T01:16:41Z", ".inf", "~", "null",
    ];

    private static readonly Mutation[] Mutations =
    [
        new("a hostile character", (text, random) => AtRandomPlace(text, random, Nasties[random.Next(Nasties.Length)])),
        new("a flipped byte", (text, random) =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            if (bytes.Length > 0) bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            return Encoding.UTF8.GetString(bytes);
        }),
        new("a deleted line", (text, random) => ReplaceRandomLine(text, random, _ => "")),
        new("a duplicated line", (text, random) => ReplaceRandomLine(text, random, line => line + "\n" + line)),
        new("a tab for indentation", (text, random) => ReplaceRandomLine(text, random, line => "\t" + line.TrimStart())),
        new("a shifted line", (text, random) => ReplaceRandomLine(text, random, line => new string(' ', random.Next(9)) + line.TrimStart())),
        new("two byte order marks", (text, _) => "\uFEFF\uFEFF" + text),
        new("a value of the wrong type", (text, random) => ReplaceRandomLine(text, random, line =>
            line.Contains(": ", StringComparison.Ordinal) ? line[..(line.IndexOf(": ", StringComparison.Ordinal) + 2)] + new[] { "[]", "{}", "1.10", "true", "~", "- x" }[random.Next(6)] : line)),
        new("deep Markdown in details", (text, random) => Details(text, random.Next(4) switch
        {
            0 => new string('[', 200),
            1 => string.Concat(Enumerable.Repeat("> ", 130)) + "x",
            2 => new string('*', 300) + "x" + new string('*', 300),
            _ => string.Concat(Enumerable.Range(0, 120).Select(i => new string(' ', 2 * i) + "- x\n")),
        })),
        new("a huge details", (text, random) => Details(text, string.Concat(Enumerable.Repeat("https://example.org/a ", 2000 + random.Next(2000))))),
        new("raw HTML and unsafe links in details", (text, _) => Details(text,
            "<script>alert(1)</script> [x](javascript:alert(1)) [y][r] <img src=x onerror=alert(1)>\n\n[r]: data:text/html,<script>alert(1)</script>")),
        new("a nasty id", (text, random) => ReplaceRandomLine(text, random, line =>
            line.StartsWith("id:", StringComparison.Ordinal) ? "id: " + new[] { "TSSA-2026-1:x", "TSSA-0000-Foo", "../../etc/passwd", "TSSA-2026-1.", "TSSA 2026 1" }[random.Next(5)] : line)),
        new("deep nesting", (text, random) => text + "database_specific:\n" + string.Concat(Enumerable.Range(1, 40 + random.Next(60)).Select(i => new string(' ', 2 * i) + "k:\n"))),
        new("an alias bomb", (text, _) => text + "database_specific:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n  d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"),
    ];

    /// <summary>The text with its details replaced by a literal block holding <paramref name="details"/>.</summary>
    private static string Details(string text, string details)
    {
        var lines = text.Split('\n').ToList();
        var start = lines.FindIndex(line => line.StartsWith("details:", StringComparison.Ordinal));
        if (start < 0) return text + "details: |\n" + Indent(details);
        var end = start + 1;
        while (end < lines.Count && (lines[end].StartsWith(' ') || lines[end].Length == 0)) end++;
        lines.RemoveRange(start, end - start);
        lines.Insert(start, "details: |\n" + Indent(details).TrimEnd('\n'));
        return string.Join('\n', lines);
    }

    private static string Indent(string text) => string.Concat(text.Split('\n').Select(line => "  " + line + "\n"));
}
