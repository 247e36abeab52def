using AdvisoryPipeline.FakeGitHub;
using AdvisoryPipeline.FakeGitHub.Faults;
using AdvisoryPipeline.Tests.Rendering.Mail;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Cli;

/// <summary>
/// Plants secrets in the environment (as CI does: the publish workflow holds a token while it runs assign-ids,
/// publish and announce) and a link to this process's environment in the database, then runs every command through
/// its failures: no output may show a secret or the environment.
/// </summary>
public sealed class SecretSweepTests : IAsyncLifetime
{
    private const string Token = "ghp_PLANTEDtoken0123456789abcdefXYZ";
    private const string Passphrase = "planted passphrase 4c1d-77e2";
    private const string Now = "2026-11-22T12:00:00Z";

    private readonly TempFolder _temp = new();
    private readonly CliRunner _cli;
    private FakeGitHubServer _github = null!;

    public SecretSweepTests()
    {
        _temp.CopyFromRepository("advisories");
        _cli = new CliRunner(_temp.Path);
        // A secret pasted with its line break, as $(cat token-file) gives it.
        _cli.Variables["GITHUB_TOKEN"] = Token + "\n";
        _cli.Variables["ADVISORY_SIGNING_PASSPHRASE"] = " " + Passphrase + "\n";
    }

    public async Task InitializeAsync()
    {
        // GitHub refuses the token at once, as it would a revoked one: no retry makes the failures slow.
        _github = await FakeGitHubServer.StartNewAsync(new FakeGitHubOptions(Token: Token));
        _github.Faults.Add(new FaultRule("*", "/**", Fault.Respond(401, """{"message":"Bad credentials"}""")) { Times = FaultRule.Always });
        _github.CreateRepository("acme", "advisory-db");
        _github.CreateRepository("acme", "tessera");
        _cli.Variables["GITHUB_API_URL"] = _github.BaseUri.AbsoluteUri;
    }

    public async Task DisposeAsync()
    {
        await _github.DisposeAsync();
        _temp.Dispose();
    }

    /// <summary>Text of this process's environment that a leak would show (the environment as the process started).</summary>
    private static IEnumerable<string> EnvironmentSamples() =>
        File.ReadAllText("/proc/self/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(entry => entry.Length > 12)
            .Take(20);

    private void AssertClean(CliResult result, string what)
    {
        var output = result.Out + result.Error;
        Assert.DoesNotContain(Token, output);
        Assert.DoesNotContain(Token[..^1], output);
        Assert.DoesNotContain(Token[4..20], output);
        Assert.DoesNotContain(Passphrase, output);
        Assert.DoesNotContain("internal error", output);
        foreach (var sample in EnvironmentSamples())
            Assert.False(output.Contains(sample, StringComparison.Ordinal), $"{what} printed the environment entry {sample[..Math.Min(12, sample.Length)]}…");
    }

    private void Link(string relative, string target)
    {
        var path = _temp.Combine(relative);
        File.Delete(path);
        File.CreateSymbolicLink(path, target);
    }

    [Fact]
    public void No_command_shows_a_secret_or_the_environment_through_any_of_its_failures()
    {
        string[][] failing =
        [
            ["publish", "--target", "github:acme/advisory-db", "--now", Now],
            ["publish", "--target", "ghsa:acme/tessera", "--now", Now],
            ["run", "--target", "github:acme/advisory-db#main", "--now", Now],
            ["announce", "TSSA-2025-4", "--sign", "no-such-key.asc", "--now", Now],
        ];
        foreach (var args in failing)
        {
            var result = _cli.Run(args);
            Assert.True(result.ExitCode is 2 or 3, $"{string.Join(' ', args)}: {result.ExitCode} {result.Error}");
            AssertClean(result, string.Join(' ', args));
        }

        // GitHub's own words quote the token, long enough that a message cut at 200 characters would cut through it.
        _github.Faults.Clear();
        _github.Faults.Add(new FaultRule("GET", "/repos/**", Fault.Respond(422, $$"""{"message":"{{new string('x', 190)}} token {{Token}} rejected"}""")) { Times = FaultRule.Always });
        var quoted = _cli.Run("publish", "--target", "github:acme/advisory-db", "--now", Now);
        Assert.NotEqual(0, quoted.ExitCode);
        AssertClean(quoted, "a GitHub answer that quotes the token");
        Assert.True(quoted.Error.Contains(" token $GI", StringComparison.Ordinal), quoted.Error);

        File.WriteAllText(_temp.Combine("signing.asc"), TestSigningKeys.Rsa.ArmoredSecretKeyring);
        var wrongPassphrase = _cli.Run("announce", "TSSA-2025-4", "--sign", "signing.asc", "--now", "2026-09-15T09:30:00Z");
        Assert.Equal(2, wrongPassphrase.ExitCode);
        AssertClean(wrongPassphrase, "announce --sign");

        // The same secret with a line break inside cannot be sent: the message names the variable, not the value.
        _cli.Variables["GITHUB_TOKEN"] = Token[..10] + "\n" + Token[10..];
        var broken = _cli.Run("publish", "--target", "github:acme/advisory-db", "--now", Now);
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("$GITHUB_TOKEN holds characters that an HTTP request cannot carry", broken.Error);
        AssertClean(broken, "a token with a line break");
    }

    [Fact]
    public void Files_that_link_to_the_environment_are_never_read_let_alone_quoted()
    {
        Link("advisories/.id-allocator", "/proc/self/environ");
        var assign = _cli.Run("assign-ids");
        Assert.Equal(2, assign.ExitCode);
        Assert.Contains("advisories/.id-allocator: it is not a regular file", assign.Error);
        AssertClean(assign, "assign-ids");

        File.Delete(_temp.Combine("advisories/.id-allocator"));
        Link("advisories/TSSA-2026-9.yaml", "/proc/self/environ");
        foreach (var args in new[] { new[] { "validate" }, ["fix", "--check"], ["render", "--now", Now], ["publish", "--dry-run", "--now", Now] })
        {
            var result = _cli.Run(args);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("advisories/TSSA-2026-9.yaml: error[YAML016]: not read: it is a symbolic link to a file outside the database folder", result.Out + result.Error);
            AssertClean(result, args[0]);
        }

        File.Delete(_temp.Combine("advisories/TSSA-2026-9.yaml"));
        Link("advisories/database.yaml", "/proc/self/environ");
        var config = _cli.Run("validate");
        Assert.Equal(2, config.ExitCode);
        Assert.Contains("error[YAML016]", config.Error);
        AssertClean(config, "validate with a linked database.yaml");
    }
}
