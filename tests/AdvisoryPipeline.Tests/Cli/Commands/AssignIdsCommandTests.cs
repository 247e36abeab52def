using AdvisoryPipeline.Lifecycle;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Cli.Commands;

/// <summary><c>advisory assign-ids</c> end to end in a git repository holding the sample database (last IDs: TSSA-2025-5, TSSA-2026-3).</summary>
public sealed class AssignIdsCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly TemporaryGitRepository _repository = TemporaryGitRepository.WithExampleDatabase();

    public void Dispose() => _repository.Dispose();

    /// <param name="published">Written as the advisory's published (<c>new</c> writes none): one made public before.</param>
    private string New(string package, string summary, DateTimeOffset? published = null)
    {
        var run = new CliRunner(_repository.Root) { Clock = new FixedClock(Now) }.Run("new", "--package", package, "--summary", summary);
        Assert.Equal(0, run.ExitCode);
        var file = run.OutLines[0].Split(' ')[1];
        if (published is { } at)
            _repository.Write(file, _repository.Read(file).Replace("\nsummary:", $"\npublished: \"{OsvTimestamp.Format(at)}\"\nsummary:", StringComparison.Ordinal));
        return file;
    }

    [Fact]
    public void Gives_the_next_number_renames_the_file_and_rewrites_only_the_mentions()
    {
        var file = New("PyPI/tessera-py", "Heap overflow in the varint reader");
        _repository.CommitAll("new advisory");

        var run = new CliRunner(_repository.Root) { Clock = new FixedClock(Now) }.Run("assign-ids");

        Assert.Equal((0, "TSSA-0000-heap-overflow-in-the-varint-reader -> TSSA-2026-4 (advisories/TSSA-2026-4.yaml)\n"), (run.ExitCode, run.Out));
        _repository.Git("add", "--all");
        Assert.Equal(["A\tadvisories/.id-allocator", "R073\t" + file + "\tadvisories/TSSA-2026-4.yaml"],
            _repository.Git("diff", "--cached", "--name-status", "-M").Split('\n'));
        Assert.Equal(
        [
            "-id: TSSA-0000-heap-overflow-in-the-varint-reader",
            "+id: TSSA-2026-4",
            "-    url: https://security.tessera-project.org/TSSA-0000-heap-overflow-in-the-varint-reader/",
            "+    url: https://security.tessera-project.org/TSSA-2026-4/",
        ], _repository.ChangedLines(staged: true, "advisories/TSSA-2026-4.yaml", file));
        Assert.Contains("\nlast TSSA-2024-4\nlast TSSA-2025-5\nlast TSSA-2026-4\nallocation sha256:", _repository.Read("advisories/.id-allocator"));
    }

    [Fact]
    public void A_second_run_touches_nothing()
    {
        New("PyPI/tessera-py", "First");
        Assert.Equal(0, new CliRunner(_repository.Root) { Clock = new FixedClock(Now) }.Run("assign-ids").ExitCode);
        _repository.CommitAll("assigned");

        var second = new CliRunner(_repository.Root) { Clock = new FixedClock(Now) }.Run("assign-ids");

        Assert.Equal((0, "no placeholder IDs in advisories: nothing to assign\n"), (second.ExitCode, second.Out));
        Assert.Empty(_repository.Status());
    }

    [Fact]
    public void Numbers_follow_the_year_and_order_of_publication_and_mentions_in_other_advisories_follow()
    {
        var late = New("PyPI/tessera-py", "Later one", Now.AddDays(1));
        var early = New("npm/tessera-cli", "Earlier one", Now);
        var lastYear = New("Go/github.com/tessera-project/tessera-go", "From last year", new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero));
        _repository.Write(late, _repository.Read(late).Replace("summary:", "related:\n  - TSSA-0000-earlier-one\nsummary:", StringComparison.Ordinal));

        var run = new CliRunner(_repository.Root) { Clock = new FixedClock(Now) }.Run("assign-ids");

        Assert.Equal(
        [
            "TSSA-0000-from-last-year -> TSSA-2025-6 (advisories/TSSA-2025-6.yaml)",
            "TSSA-0000-earlier-one -> TSSA-2026-4 (advisories/TSSA-2026-4.yaml)",
            "TSSA-0000-later-one -> TSSA-2026-5 (advisories/TSSA-2026-5.yaml)",
        ], run.OutLines);
        Assert.Contains("related:\n  - TSSA-2026-4\n", _repository.Read("advisories/TSSA-2026-5.yaml"));
        Assert.False(File.Exists(_repository.PathOf(early)) || File.Exists(_repository.PathOf(lastYear)));
    }

    [Fact]
    public void Numbers_recorded_by_the_allocator_are_never_given_again()
    {
        New("PyPI/tessera-py", "Once");
        Assert.Equal(0, new CliRunner(_repository.Root) { Clock = new FixedClock(Now) }.Run("assign-ids").ExitCode);
        File.Delete(_repository.PathOf("advisories/TSSA-2026-4.yaml"));
        New("PyPI/tessera-py", "Twice");

        var run = new CliRunner(_repository.Root) { Clock = new FixedClock(Now) }.Run("assign-ids");

        Assert.Equal("TSSA-0000-twice -> TSSA-2026-5 (advisories/TSSA-2026-5.yaml)\n", run.Out);
    }

    [Fact]
    public void Two_branches_that_allocate_from_the_same_base_conflict_on_the_allocator_when_merged()
    {
        _repository.Git("checkout", "--quiet", "-b", "first");
        New("PyPI/tessera-py", "Found on the first branch");
        Assert.Equal(0, new CliRunner(_repository.Root) { Clock = new FixedClock(Now) }.Run("assign-ids").ExitCode);
        _repository.CommitAll("first: new advisory with its ID");

        _repository.Git("checkout", "--quiet", "main");
        _repository.Git("checkout", "--quiet", "-b", "second");
        New("npm/tessera-cli", "Found on the second branch");
        Assert.Equal(0, new CliRunner(_repository.Root) { Clock = new FixedClock(Now) }.Run("assign-ids").ExitCode);
        _repository.CommitAll("second: new advisory with its ID");

        _repository.Git("checkout", "--quiet", "main");
        _repository.Git("merge", "--quiet", "first");
        var exitCode = _repository.RunGit(["merge", "second"], out var output, out _);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("CONFLICT", output);
        Assert.Contains("advisories/.id-allocator", _repository.Git("diff", "--name-only", "--diff-filter=U").Split('\n'));

        var rerun = new CliRunner(_repository.Root) { Clock = new FixedClock(Now) }.Run("assign-ids");
        Assert.Equal(2, rerun.ExitCode);
        Assert.Contains(".id-allocator: line ", rerun.Error);
        Assert.Contains("merge conflict marker", rerun.Error);
    }

    [Fact]
    public void An_unreadable_advisory_stops_the_allocation()
    {
        New("PyPI/tessera-py", "Pending");
        _repository.Write("advisories/TSSA-2026-9.yaml", "id: [unclosed\n");

        var run = new CliRunner(_repository.Root) { Clock = new FixedClock(Now) }.Run("assign-ids");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("advisory: advisories/TSSA-2026-9.yaml: cannot be read, so its ID is unknown", run.Error);
        Assert.False(File.Exists(_repository.PathOf(Path.Combine("advisories", IdAllocatorFile.FileName))));
    }
}
