using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Cve;

/// <summary>
/// Pins what users read of the CNA side: the CVE record written for an example advisory (with the notes on standard
/// error), and the plan of <c>advisory cve publish --all --dry-run</c> against the fake CVE Services. Golden files in
/// Cve/Golden/.
/// </summary>
public sealed class CveGoldenTests : CveServicesTestBase
{
    [Theory]
    [InlineData("TSSA-2025-1")]
    [InlineData("TSSA-2024-4")]
    public void The_cve_record_of_an_example_advisory(string id)
    {
        string[] args = ["cve", id];

        GoldenFile.Verify($"Cve/Golden/cve-{id}.txt", GoldenFile.Transcript(Cli.Run(args), args));
    }

    [Fact]
    public void The_publish_plan_before_and_after_publishing()
    {
        string[] plan = ["cve", "publish", "--all", "--dry-run"];
        string[] publish = ["cve", "publish", "--all"];

        GoldenFile.Verify("Cve/Golden/cve-publish-dry-run.txt", GoldenFile.Transcript(Cli.Run(plan), plan));
        GoldenFile.Verify("Cve/Golden/cve-publish.txt", GoldenFile.Transcript(Cli.Run(publish), publish));
        GoldenFile.Verify("Cve/Golden/cve-publish-again-dry-run.txt", GoldenFile.Transcript(Cli.Run(plan), plan));
    }
}
