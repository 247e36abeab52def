using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Tests.Rendering.Mail;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Cli.Commands;

/// <summary>
/// What users met where one concept had two drifting copies (placeholders, folder replacement, failures and exit
/// codes, the validation cache), pinned end to end now that each has one home.
/// </summary>
public sealed class OneConceptRegressionTests : IDisposable
{
    private const string Now = "2026-11-22T12:00:00Z";
    private readonly TempFolder _temp = new();
    private readonly CliRunner _cli;

    public OneConceptRegressionTests()
    {
        _temp.CopyFromRepository("advisories");
        _cli = new CliRunner(_temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    private void AddPlaceholder(string placeholder, string package) =>
        File.WriteAllText(_temp.Combine("advisories", placeholder + ".yaml"), SampleAdvisories.CleanYaml(placeholder, package, $"Crash when decoding an empty frame in {package}"));

    [Fact]
    public void A_placeholder_is_one_whatever_its_slug_looks_like_for_validate_render_publish_and_assign_ids()
    {
        AddPlaceholder("TSSA-0000-Foo", "tessera-py");
        AddPlaceholder("TSSA-0000-bar", "tessera-cli");

        var strict = _cli.Run("validate", "--no-placeholders");
        var render = _cli.Run("render", "--now", Now);
        var plan = _cli.Run("publish", "--dry-run", "--now", Now);

        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("TSSA-0000-Foo is a placeholder id", strict.Out);
        Assert.Contains("TSSA-0000-bar is a placeholder id", strict.Out);
        Assert.True(render.ExitCode == 0, render.Error);
        Assert.False(Directory.Exists(_temp.Combine("out", "site", "TSSA-0000-Foo")));
        Assert.DoesNotContain("TSSA-0000-", File.ReadAllText(_temp.Combine("out", "site", "index.html")));
        Assert.True(plan.ExitCode == 0, plan.Error);
        Assert.DoesNotContain("TSSA-0000-", plan.Out);

        var assign = new CliRunner(_temp.Path) { Clock = new FixedClock(DateTimeOffset.Parse(Now, System.Globalization.CultureInfo.InvariantCulture)) }
            .Run("assign-ids");

        Assert.True(assign.ExitCode == 0, assign.Error);
        Assert.Contains("TSSA-0000-Foo -> TSSA-2026-", assign.Out);
        Assert.Contains("TSSA-0000-bar -> TSSA-2026-", assign.Out);
        Assert.Empty(Directory.GetFiles(_temp.Combine("advisories"), "TSSA-0000-*"));
    }

    [Fact]
    public void A_render_killed_half_way_leaves_nothing_behind_once_the_next_render_ran()
    {
        Assert.Equal(0, _cli.Run("render", "--now", Now).ExitCode);
        // What kill -9 leaves: the new site half staged, and the previous one renamed away but not yet replaced.
        Directory.CreateDirectory(_temp.Combine("out", ".site.staging-0123", "TSSA-2025-1"));
        Directory.Move(_temp.Combine("out", "site"), _temp.Combine("out", ".site.previous-0639000000000000000-0a0b0c0d"));

        var again = _cli.Run("render", "--now", Now);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(["mail", "markdown", "site"], Directory.GetFileSystemEntries(_temp.Combine("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("out/site: unchanged", again.Out);
    }

    [Fact]
    public void A_feed_folder_missing_beside_two_backups_gets_the_newest_back_instead_of_republishing_everything()
    {
        Assert.Equal(0, _cli.Run("publish", "--now", Now).ExitCode);
        var feed = _temp.Combine("out", "osv");
        var before = File.ReadAllText(Path.Combine(feed, "modified_id.csv"));
        Directory.Move(feed, _temp.Combine("out", ".osv.previous-0639000000000000000-00000002"));
        Directory.CreateDirectory(_temp.Combine("out", ".osv.previous-0638000000000000000-00000001"));
        Directory.CreateDirectory(_temp.Combine("out", ".osv.staging-77"));

        var again = _cli.Run("publish", "--now", "2026-11-23T12:00:00Z");

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("Nothing to publish: 12 unchanged.", again.OutLines);
        Assert.Equal(before, File.ReadAllText(Path.Combine(feed, "modified_id.csv")));
        Assert.Equal(["osv"], Directory.GetFileSystemEntries(_temp.Combine("out")).Select(Path.GetFileName));
    }

    [Fact]
    public void Signing_at_a_moment_before_the_key_existed_is_the_users_mistake_not_an_internal_error()
    {
        // Only the advisories of before the key, so that the moment is a valid "now" for them.
        foreach (var later in Directory.GetFiles(_temp.Combine("advisories"), "TSSA-2026-*.yaml")) File.Delete(later);
        File.WriteAllText(_temp.Combine("signing.asc"), TestSigningKeys.Rsa.ArmoredSecretKeyring);
        _cli.Variables["ADVISORY_SIGNING_PASSPHRASE"] = TestSigningKeys.Passphrase;
        var beforeTheKey = TestSigningKeys.Created.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        var result = _cli.Run("announce", "TSSA-2025-4", "--sign", "signing.asc", "--now", beforeTheKey);

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("internal error", result.Error);
        Assert.StartsWith("advisory: ", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_written_costs_time_but_never_stops_validation()
    {
        // A regular file where the cache folder's parent should be: creating the folder fails, whoever runs the test.
        File.WriteAllText(_temp.Combine("not-a-folder"), "");
        _cli.Variables["XDG_CACHE_HOME"] = _temp.Combine("not-a-folder", "cache");

        var result = _cli.Run("validate");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("", result.Error);
        Assert.Contains("12 advisories checked, 0 errors, 0 warnings", result.OutLines);
    }

    [Fact]
    public void Without_home_or_xdg_cache_home_no_cache_is_written_into_the_working_folder()
    {
        _cli.Variables.Remove("XDG_CACHE_HOME");

        Assert.Equal(0, _cli.Run("validate").ExitCode);

        Assert.False(Directory.Exists(_temp.Combine(".cache")));
        Assert.False(Directory.Exists(_temp.Combine("advisory-pipeline")));
    }

    [Fact]
    public void Readme_and_help_show_the_target_grammar_of_the_one_parser()
    {
        var readme = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "README.md"));
        var help = _cli.Run("publish", "--help").Out;

        foreach (var form in PublishTargetSpec.Forms)
        {
            Assert.Contains($"`{form.Syntax}`", readme);
            Assert.True(PublishTargetSpec.TryParse(form.Example, out _, out var error), error);
        }
        Assert.Contains(PublishTargetSpec.FormsInWords, help.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal));
    }
}
