using System.Text.RegularExpressions;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Tests.Rendering.Mail;
using AdvisoryPipeline.Tests.TestSupport;
using AngleSharp.Html.Parser;

namespace AdvisoryPipeline.Tests.Rendering.Policy;

/// <summary>
/// The policy's three outputs agree: the fingerprint, read from the key, is shown identically on the page, in
/// SECURITY.md and in security.txt, and the page and SECURITY.md have the same sections. <c>advisory policy</c>
/// prints, writes and checks SECURITY.md; <c>advisory init</c> writes a commented database.yaml whose examples work.
/// </summary>
public sealed class PolicyOutputsTests : IDisposable
{
    private const string Now = "2026-11-22T12:00:00Z";
    private readonly TempFolder _temp = new();
    private readonly CliRunner _cli;

    public PolicyOutputsTests()
    {
        _temp.CopyFromRepository("advisories");
        _cli = new CliRunner(_temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_fingerprint_read_from_the_key_is_shown_identically_everywhere()
    {
        Assert.Equal(0, _cli.Run("render", "--out", "out", "--now", Now).ExitCode);
        using var gpg = new GnuPgHome();
        var shown = gpg.Run("--with-colons", "--show-keys", _temp.Combine("advisories", "security-team.asc"));
        var hex = shown.Status.Split('\n').First(l => l.StartsWith("fpr:", StringComparison.Ordinal)).Split(':')[9];
        var display = string.Join(' ', hex.Chunk(4).Select(chunk => new string(chunk)));

        var page = new HtmlParser().ParseDocument(File.ReadAllText(_temp.Combine("out", "site", "security", "index.html")));
        Assert.Equal(display, page.QuerySelector("code.fingerprint")!.TextContent);
        Assert.Contains("`" + display + "`", File.ReadAllText(_temp.Combine("out", "markdown", "SECURITY.md")));
        Assert.Contains("# OpenPGP key fingerprint: " + display + "\n", File.ReadAllText(_temp.Combine("out", "site", ".well-known", "security.txt")));
        // The published key is the one the fingerprint belongs to.
        var published = gpg.Run("--with-colons", "--show-keys", _temp.Combine("out", "site", "security", "openpgp-key.asc"));
        Assert.Contains($"fpr:::::::::{hex}:", published.Status);
    }

    [Fact]
    public void The_page_and_SECURITY_md_have_the_same_sections()
    {
        Assert.Equal(0, _cli.Run("render", "--out", "out", "--now", Now).ExitCode);

        var page = new HtmlParser().ParseDocument(File.ReadAllText(_temp.Combine("out", "site", "security", "index.html")));
        var markdown = File.ReadAllLines(_temp.Combine("out", "markdown", "SECURITY.md"));

        Assert.Equal(page.QuerySelectorAll("main h2").Select(h => h.TextContent),
            markdown.Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..]));
        Assert.Equal(page.QuerySelector("h1")!.TextContent, markdown[0][2..]);
    }

    [Fact]
    public void Policy_prints_writes_and_checks_SECURITY_md()
    {
        Assert.Equal(0, _cli.Run("render", "--out", "out", "--now", Now).ExitCode);
        var rendered = File.ReadAllText(_temp.Combine("out", "markdown", "SECURITY.md"));

        var printed = _cli.Run("policy");
        Assert.Equal((0, rendered, ""), (printed.ExitCode, printed.Out, printed.Error));

        var missing = _cli.Run("policy", "--check");
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("SECURITY.md: missing; write it with: advisory policy --write\n", missing.Out);

        Assert.Equal("SECURITY.md: written\n", _cli.Run("policy", "--write").Out);
        Assert.Equal(rendered, File.ReadAllText(_temp.Combine("SECURITY.md")));
        Assert.Equal("SECURITY.md: unchanged\n", _cli.Run("policy", "--write").Out);
        Assert.Equal((0, "SECURITY.md: up to date\n"), (_cli.Run("policy", "--check").ExitCode, _cli.Run("policy", "--check").Out));

        File.AppendAllText(_temp.Combine("SECURITY.md"), "Edited by hand.\n");
        var drifted = _cli.Run("policy", "--check");
        Assert.Equal(1, drifted.ExitCode);
        Assert.Contains("differs from the policy in database.yaml", drifted.Out);

        var github = _cli.Run("policy", "--write", "--to", ".github");
        Assert.Equal(0, github.ExitCode);
        Assert.Equal(rendered, File.ReadAllText(_temp.Combine(".github", "SECURITY.md")));
        Assert.Contains("SECURITY.md exists too; GitHub shows .github/SECURITY.md first", github.Error);

        Assert.Equal(2, _cli.Run("policy", "--write", "--check").ExitCode);
        Assert.Equal(2, _cli.Run("policy", "--to", "docs").ExitCode);
    }

    [Fact]
    public void Policy_refuses_an_expired_key_and_a_database_without_policy()
    {
        var expired = new CliRunner(_temp.Path) { Clock = new FixedClock(new DateTimeOffset(2031, 6, 1, 0, 0, 0, TimeSpan.Zero)) }.Run("policy", "--write");
        Assert.Equal(1, expired.ExitCode);
        Assert.Contains("error[CFG005]", expired.Error);
        Assert.False(File.Exists(_temp.Combine("SECURITY.md")));

        _temp.Write("bare/database.yaml", "name: Bare\nid_prefix: BARE\n");
        var bare = _cli.Run("policy", "--dir", "bare");
        Assert.Equal(2, bare.ExitCode);
        Assert.Contains("has no policy: block", bare.Error);
    }

    [Fact]
    public void Init_writes_a_commented_database_yaml_whose_examples_are_valid()
    {
        var written = _cli.Run("init", "fresh", "--id-prefix", "ACME", "--name", "ACME \"Widgets\" Advisories");
        Assert.Equal(0, written.ExitCode);
        Assert.StartsWith("created fresh/advisories/database.yaml\n", written.Out);
        _temp.Write("fresh/advisories/ACME-2026-1.yaml", SampleAdvisories.CleanYaml("ACME-2026-1"));
        var validated = _cli.Run("validate", "fresh/advisories");
        Assert.True(validated.ExitCode == 0, validated.Out + validated.Error);

        var again = _cli.Run("init", "fresh", "--id-prefix", "ACME");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("advisory init never replaces a file", again.Error);
        Assert.Equal(2, _cli.Run("init", "other").ExitCode);

        // Every commented block, uncommented, is a valid configuration (the key file itself is the team's to add).
        var text = File.ReadAllText(_temp.Combine("fresh", "advisories", "database.yaml"));
        var uncommented = Regex.Replace(text, "^# (?=[a-z_]+:|  )", "", RegexOptions.Multiline);
        var loaded = DatabaseConfigLoader.Load("database.yaml", System.Text.Encoding.UTF8.GetBytes(uncommented));
        Assert.Empty(loaded.Findings);
        Assert.Equal("ACME \"Widgets\" Advisories", loaded.Config!.Name);
        Assert.NotNull(loaded.Config.Policy);
        Assert.NotNull(loaded.Config.Prenotify);
        Assert.NotNull(loaded.Config.Chat);
        Assert.Equal(_cli.Run("init", "--print", "--id-prefix", "ACME", "--name", "ACME \"Widgets\" Advisories").Out, text);
    }
}
