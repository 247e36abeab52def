using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Fixing;

/// <summary>
/// Pins what <c>advisory fix --check</c> prints: on copies of a few files of the shared pypa corpus that need each
/// kind of fix, on a file with a YAML101 typing trap, and on a file it must skip for a load error.
/// Golden files in Fixing/Golden/.
/// </summary>
public sealed class FixGoldenTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly CliRunner _cli;

    public FixGoldenTests() => _cli = new CliRunner(_temp.Path);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Check_on_pypa_corpus_files()
    {
        // quote, event-order and key-order; package-name; trailing-whitespace.
        foreach (var file in new[] { "ansible-core/PYSEC-2024-36.yaml", "django/PYSEC-2017-10.yaml", "jw.util/PYSEC-2020-341.yaml", "langchain/PYSEC-2023-138.yaml" })
        {
            var copy = _temp.Combine("pypa", file);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(SharedData.PathOf("corpus", "pypa", file), copy);
        }

        Verify("fix-check-pypa.txt", "fix", "--check", "pypa");
    }

    [Fact]
    public void Check_on_typing_traps_and_on_a_file_it_skips()
    {
        _temp.Write("traps/TSSA-2026-1.yaml", """
            id: TSSA-2026-1
            modified: "2026-03-02T00:00:00Z"
            published: "2026-03-01T00:00:00Z"
            summary: Crash when decoding an empty frame
            details: Decoding an empty frame dereferenced a null pointer.
            affected:
              - package:
                  ecosystem: PyPI
                  name: tessera-py
                ranges:
                  - type: ECOSYSTEM
                    events:
                      - introduced: 0
                      - fixed: 1.10
                versions: [1.0, "1.1", 1.9]
            references:
              - type: ADVISORY
                url: https://security.tessera-project.org/TSSA-2026-1/

            """);
        _temp.Write("skipped/TSSA-2026-2.yaml", """
            id: TSSA-2026-2
            modified: "2026-03-02T00:00:00Z"
            modified: "2026-03-03T00:00:00Z"
            summary: Duplicate key
            affected:
              - package: {ecosystem: PyPI, name: tessera-py}
                versions: [1.10]

            """);

        Verify("fix-check-yaml101.txt", "fix", "--check", "traps");
        Verify("fix-check-load-error.txt", "fix", "--check", "skipped");
    }

    private void Verify(string golden, params string[] args) =>
        GoldenFile.Verify("Fixing/Golden/" + golden, GoldenFile.Transcript(_cli.Run(args), args));
}
