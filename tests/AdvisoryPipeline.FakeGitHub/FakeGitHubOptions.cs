namespace AdvisoryPipeline.FakeGitHub;

/// <param name="Token">The only token the server accepts (as <c>token …</c> or <c>Bearer …</c>).</param>
/// <param name="UserLogin">The token's user: author of API commits, pulls and advisories.</param>
/// <param name="Clock">Time for commit dates, timestamps and rate-limit resets; pass a fake for fixed dates.</param>
/// <param name="RandomSeed">Seeds the GHSA id generator, so ids repeat from run to run.</param>
/// <param name="TreeEntryLimit">Tree listings longer than this are cut and flagged <c>truncated</c> (GitHub: 100,000).</param>
public sealed record FakeGitHubOptions(
    string Token = FakeGitHubOptions.DefaultToken,
    string UserLogin = "advisory-bot",
    TimeProvider? Clock = null,
    int RandomSeed = 1,
    int TreeEntryLimit = 100_000)
{
    public const string DefaultToken = "ghp_FakeGitHubTestToken000000000000000000";
}
