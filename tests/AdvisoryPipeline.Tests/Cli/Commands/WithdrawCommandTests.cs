using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Cli.Commands;

/// <summary><c>advisory withdraw</c> end to end in a git repository holding the sample database.</summary>
public sealed class WithdrawCommandTests : IDisposable
{
    private readonly TemporaryGitRepository _repository = TemporaryGitRepository.WithExampleDatabase();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void Withdraws_in_place_changing_only_the_timestamps_and_the_end_of_details()
    {
        var run = new CliRunner(_repository.Root).Run("withdraw", "TSSA-2024-1", "--reason", "The overflow is not reachable: the\nlength is checked earlier.");

        Assert.Equal((0, "TSSA-2024-1 withdrawn (advisories/TSSA-2024-1.yaml)\n", ""), (run.ExitCode, run.Out, run.Error));
        Assert.Equal([" M advisories/TSSA-2024-1.yaml"], _repository.Status());
        Assert.Equal(
        [
            "-modified: \"2024-03-04T08:42:17Z\"",
            "+modified: \"2026-11-22T12:00:00Z\"",
            "+withdrawn: \"2026-11-22T12:00:00Z\"",
            "+",
            "+  **Withdrawn:** The overflow is not reachable: the",
            "+  length is checked earlier.",
        ], _repository.ChangedLines());

        var again = new CliRunner(_repository.Root).Run("withdraw", "TSSA-2024-1", "--reason", "twice");
        Assert.Equal((1, "advisory: advisories/TSSA-2024-1.yaml: cannot withdraw TSSA-2024-1: it is already withdrawn (2026-11-22T12:00:00Z)\n"),
            (again.ExitCode, again.Error));
    }

    [Fact]
    public void An_unknown_id_is_refused()
    {
        var run = new CliRunner(_repository.Root).Run("withdraw", "TSSA-2030-1", "--reason", "whatever");

        Assert.Equal((1, "advisory: no advisory in advisories has the ID TSSA-2030-1\n"), (run.ExitCode, run.Error));
        Assert.Empty(_repository.Status());
    }

    [Fact]
    public void An_advisory_of_the_sample_that_is_already_withdrawn_is_refused()
    {
        var run = new CliRunner(_repository.Root).Run("withdraw", "TSSA-2025-3", "--reason", "again");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("it is already withdrawn (2025-05-09T17:48:03Z)", run.Error);
        Assert.Empty(_repository.Status());
    }

    [Fact]
    public void The_reason_is_required_and_must_be_text()
    {
        Assert.Equal(2, new CliRunner(_repository.Root).Run("withdraw", "TSSA-2024-1").ExitCode);
        var blank = new CliRunner(_repository.Root).Run("withdraw", "TSSA-2024-1", "--reason", "  ");
        Assert.Equal((2, "advisory: --reason: the reason is empty\n"), (blank.ExitCode, blank.Error));
        Assert.Empty(_repository.Status());
    }
}
