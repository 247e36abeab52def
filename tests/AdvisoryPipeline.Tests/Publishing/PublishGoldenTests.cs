using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Publishing;

/// <summary>
/// Pins what <c>advisory publish</c> prints for the example database and a fresh <c>dir:</c> target: the dry-run
/// plan as text and as JSON, the real publish, and the dry-run plan after one advisory's details changed (one
/// changed, the rest unchanged). Golden files in Publishing/Golden/ (the temp folder shows as &lt;tmp&gt;).
/// </summary>
public sealed class PublishGoldenTests : IDisposable
{
    private const string Now = "2026-11-22T12:00:00Z";
    private const string Later = "2026-11-23T08:30:00Z";
    private readonly TempFolder _temp = new();
    private readonly CliRunner _cli;

    public PublishGoldenTests()
    {
        _temp.CopyFromRepository("advisories");
        _cli = new CliRunner(_temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_plan_the_publish_and_the_plan_of_a_change()
    {
        var target = "dir:" + _temp.Combine("osv");

        Verify("publish-dry-run-new.txt", "publish", "--dry-run", "--target", target, "--now", Now);
        var json = _cli.Run("publish", "--dry-run", "--target", target, "--now", Now, "--format", "json");
        Assert.Equal((0, ""), (json.ExitCode, json.Error));
        GoldenFile.Verify("Publishing/Golden/publish-dry-run-new.json", json.Out);

        Verify("publish-apply.txt", "publish", "--target", target, "--now", Now);

        var path = _temp.Combine("advisories", "TSSA-2025-2.yaml");
        var text = File.ReadAllText(path);
        var at = text.IndexOf("details: |\n", StringComparison.Ordinal);
        Assert.True(at >= 0, "TSSA-2025-2.yaml has no block details");
        File.WriteAllText(path, text.Insert(at + "details: |\n".Length, "  Updated: the 2.x branch is affected as well.\n\n"));

        Verify("publish-dry-run-changed.txt", "publish", "--dry-run", "--target", target, "--now", Later);
        var changed = _cli.Run("publish", "--dry-run", "--target", target, "--now", Later, "--format", "json");
        Assert.Equal((0, ""), (changed.ExitCode, changed.Error));
        GoldenFile.Verify("Publishing/Golden/publish-dry-run-changed.json", changed.Out);
    }

    private void Verify(string golden, params string[] args) =>
        GoldenFile.Verify("Publishing/Golden/" + golden, GoldenFile.Transcript(_cli.Run(args), args));
}
