using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Cli;

/// <summary>
/// Pins what <c>advisory run</c> (validate, publish, render) prints on the example database at a fixed
/// <c>--now</c>, on a first run and on a second one that has nothing to do. Golden files in Cli/Golden/.
/// </summary>
public sealed class RunGoldenTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_whole_pipeline_twice()
    {
        _temp.CopyFromRepository("advisories");
        var cli = new CliRunner(_temp.Path);
        string[] first = ["run", "--now", "2026-11-22T12:00:00Z"];
        string[] second = ["run", "--now", "2026-11-23T12:00:00Z"];

        GoldenFile.Verify("Cli/Golden/run-example.txt", GoldenFile.Transcript(cli.Run(first), first));
        GoldenFile.Verify("Cli/Golden/run-example-again.txt", GoldenFile.Transcript(cli.Run(second), second));
    }
}
