using System.Text.Json;
using AdvisoryPipeline.Tests.Rendering.Mail;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Cli.Commands;

/// <summary>render, announce, publish and run, end to end on a copy of the example database.</summary>
public sealed class PipelineCommandsTests : IDisposable
{
    private const string Now = "2026-11-22T12:00:00Z";
    private readonly TempFolder _temp = new();
    private readonly CliRunner _cli;

    public PipelineCommandsTests()
    {
        _temp.CopyFromRepository("advisories");
        _cli = new CliRunner(_temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Run_validates_publishes_and_renders_and_a_second_run_writes_nothing()
    {
        var first = _cli.Run("run", "--now", Now);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("12 advisories checked, 0 errors, 0 warnings", first.OutLines);
        Assert.Contains("Total: 12 new.", first.OutLines);
        foreach (var file in new[] { "out/osv/PyPI/TSSA-2025-4.json", "out/osv/all.zip", "out/osv/modified_id.csv",
                     "out/site/index.html", "out/site/feed.xml", "out/site/TSSA-2025-4/index.html", "out/site/osv/TSSA-2025-4.json",
                     "out/markdown/README.md", "out/markdown/TSSA-2025-4.md", "out/mail/TSSA-2025-4.txt" })
            Assert.True(File.Exists(_temp.Combine(file)), file);
        // The page's OSV JSON is the published record, with the timestamps the target manages.
        Assert.Equal(File.ReadAllBytes(_temp.Combine("out/osv/PyPI/TSSA-2025-4.json")), File.ReadAllBytes(_temp.Combine("out/site/osv/TSSA-2025-4.json")));

        var before = Snapshot(_temp.Combine("out"));
        var second = _cli.Run("run", "--now", "2026-11-23T12:00:00Z");

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Nothing to publish: 12 unchanged.", second.OutLines);
        Assert.Equal(before, Snapshot(_temp.Combine("out")));
    }

    [Fact]
    public void Render_writes_the_three_outputs_deterministically_and_leaves_embargoed_advisories_out()
    {
        Embargo("TSSA-2026-3", "2026-12-01T09:00:00Z");

        var first = _cli.Run("render", "--out", "first", "--now", Now);
        var second = _cli.Run("render", "--out", "second", "--now", Now);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal("TSSA-2026-3 held until 2026-12-01T09:00:00Z", first.OutLines[0]);
        Assert.Equal(Contents(_temp.Combine("first")), Contents(_temp.Combine("second")));
        var everything = string.Join("\n", Contents(_temp.Combine("first")).Select(f => f.Key + "\n" + f.Value));
        Assert.DoesNotContain("TSSA-2026-3", everything);
        Assert.False(File.Exists(_temp.Combine("first", "mail", "TSSA-2026-3.txt")));
        Assert.True(File.Exists(_temp.Combine("first", "mail", "TSSA-2026-2.txt")));
    }

    [Fact]
    public void Nothing_is_rendered_or_published_from_advisories_with_errors()
    {
        File.AppendAllText(_temp.Combine("advisories", "TSSA-2025-1.yaml"), "bogus_field: 1\n");

        var render = _cli.Run("render", "--now", Now);
        var publish = _cli.Run("publish", "--now", Now);

        Assert.Equal(1, render.ExitCode);
        Assert.Contains("error[SCH001]", render.Error);
        Assert.Equal(1, publish.ExitCode);
        Assert.False(Directory.Exists(_temp.Combine("out")));
    }

    [Fact]
    public void Publish_dry_run_prints_the_plan_and_writes_nothing()
    {
        var text = _cli.Run("publish", "--dry-run", "--now", Now);
        var json = _cli.Run("publish", "--dry-run", "--now", Now, "--format", "json");

        Assert.Equal(0, text.ExitCode);
        Assert.Equal("Plan for dir:out/osv at 2026-11-22T12:00:00Z", text.OutLines[0]);
        Assert.Contains("Total: 12 new.", text.OutLines);
        using var plan = JsonDocument.Parse(json.Out);
        var first = plan.RootElement.GetProperty("plans")[0];
        Assert.Equal(12, first.GetProperty("totals").GetProperty("new").GetInt32());
        Assert.False(Directory.Exists(_temp.Combine("out")));
    }

    [Fact]
    public void Publish_to_a_git_repository_makes_one_commit_then_none()
    {
        var repository = _temp.Combine("db");
        Directory.CreateDirectory(repository);
        Git(repository, "init", "-q", "-b", "main");

        var first = _cli.Run("publish", "--target", "git:db", "--now", Now);
        var second = _cli.Run("publish", "--target", "git:db", "--now", "2026-11-23T12:00:00Z");

        Assert.True(first.ExitCode == 0, first.Error + first.Out);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("1", Git(repository, "rev-list", "--count", "main").Trim());
        Assert.Contains("osv/2025/TSSA-2025-4.json", Git(repository, "ls-tree", "-r", "--name-only", "main"));
    }

    [Fact]
    public void Deleting_a_published_advisory_is_refused()
    {
        Assert.Equal(0, _cli.Run("publish", "--now", Now).ExitCode);
        File.Delete(_temp.Combine("advisories", "TSSA-2025-2.yaml"));

        var result = _cli.Run("publish", "--now", "2026-11-23T12:00:00Z");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("TSSA-2025-2", result.Error);
        Assert.Contains("withdraw", result.Error);
        Assert.True(File.Exists(_temp.Combine("out", "osv", "PyPI", "TSSA-2025-2.json")) ||
            Directory.EnumerateFiles(_temp.Combine("out", "osv"), "TSSA-2025-2.json", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public void Announce_prints_the_mail_text_for_several_advisories()
    {
        var result = _cli.Run("announce", "TSSA-2025-4", "TSSA-2025-5", "--now", Now);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Subject: [SECURITY] TSSA-2025-4, TSSA-2025-5: ", result.Out);
        // Lines are wrapped at 72 columns; only a single unbreakable token (a URL, a vector) may be longer.
        Assert.All(result.OutLines.Skip(1), line => Assert.True(line.Length <= 72 || !line.Trim().Contains(' ', StringComparison.Ordinal), line));
    }

    [Fact]
    public void Announce_refuses_an_embargoed_advisory_and_an_unknown_one()
    {
        Embargo("TSSA-2026-3", "2026-12-01T09:00:00Z");

        var held = _cli.Run("announce", "TSSA-2026-3", "--now", Now);
        var unknown = _cli.Run("announce", "TSSA-2099-1", "--now", Now);

        Assert.Equal(2, held.ExitCode);
        Assert.Contains("TSSA-2026-3 held until 2026-12-01T09:00:00Z", held.Error);
        Assert.Equal("", held.Out);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("TSSA-2099-1: no such advisory", unknown.Error);
    }

    [Fact]
    public void Announce_writes_a_pgp_mime_signed_email_that_gpg_verifies_and_never_shows_the_secret()
    {
        var key = TestSigningKeys.Rsa;
        File.WriteAllText(_temp.Combine("signing.asc"), key.ArmoredSecretKeyring);
        _cli.Variables["ADVISORY_SIGNING_PASSPHRASE"] = TestSigningKeys.Passphrase;

        var result = _cli.Run("announce", "TSSA-2025-4", "--eml", "--sign", "signing.asc", "--pgp-mime", "--out", "mail.eml", "--now", "2026-09-15T09:30:00Z");

        Assert.True(result.ExitCode == 0, result.Error);
        var eml = File.ReadAllText(_temp.Combine("mail.eml"));
        Assert.Contains("multipart/signed", eml);
        Assert.Contains("From: Tessera Security Team <security@tessera-project.org>", eml);
        Assert.DoesNotContain(TestSigningKeys.Passphrase, result.Out + result.Error + eml);
        Assert.DoesNotContain(key.ArmoredSecretKeyring.Split('\n')[3], eml);

        var bytes = File.ReadAllBytes(_temp.Combine("mail.eml"));
        var signed = Assert.IsType<MimeKit.Cryptography.MultipartSigned>(MimeKit.MimeMessage.Load(new MemoryStream(bytes)).Body);
        using var armored = new MemoryStream();
        ((MimeKit.MimePart)signed[1]).Content!.DecodeTo(armored);
        using var gnupg = new GnuPgHome();
        gnupg.Import(key.ArmoredPublicKey);
        var part = gnupg.WriteFile("part", OpenPgpVerification.SignedPart(bytes, signed.Boundary!));
        var signature = gnupg.WriteFile("part.asc", armored.ToArray());
        var verification = gnupg.Verify(signature, part);
        Assert.True(verification.ExitCode == 0, verification.ToString());
        Assert.Contains("GOODSIG", verification.Status);
    }

    [Fact]
    public void A_wrong_passphrase_is_a_one_line_error_without_the_secret()
    {
        File.WriteAllText(_temp.Combine("signing.asc"), TestSigningKeys.Rsa.ArmoredSecretKeyring);
        _cli.Variables["ADVISORY_SIGNING_PASSPHRASE"] = "not the passphrase";

        var result = _cli.Run("announce", "TSSA-2025-4", "--sign", "signing.asc", "--now", "2026-09-15T09:30:00Z");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("not the passphrase", result.Error);
    }

    private void Embargo(string id, string until) =>
        File.AppendAllText(_temp.Combine("advisories", id + ".yaml"), $"pipeline:\n  embargo_until: \"{until}\"\n");

    private static SortedDictionary<string, string> Contents(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToBase64String(File.ReadAllBytes(f))), StringComparer.Ordinal);

    private static SortedDictionary<string, (DateTime, long)> Snapshot(string folder) =>
        new(Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => (File.GetLastWriteTimeUtc(f), File.Exists(f) ? new FileInfo(f).Length : -1)), StringComparer.Ordinal);

    private static string Git(string repository, params string[] args) => GitProcess.Succeed(repository, args);
}
