using System.Text;
using System.Text.Json;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Lifecycle;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Cli.Commands;

/// <summary>
/// <c>advisory init [DIR]</c> sets up a repository: commented database.yaml, the editor schema for its prefix, out/ in
/// .gitignore, the two workflows; it never replaces a file, and refuses bad values by the option that gave them.
/// </summary>
public sealed class InitCommandTests : IDisposable
{
    private static readonly string[] Scaffold =
        [DatabaseScaffold.ConfigPath, AuthoringSchemaFile.RelativePath, AdopterWorkflows.PullRequestPath, AdopterWorkflows.PublishPath];

    private readonly TempFolder _temp = new("advisory-init-");
    private readonly CliRunner _cli;

    public InitCommandTests()
    {
        _cli = new CliRunner(_temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Init_writes_the_database_the_schema_the_workflows_and_ignores_the_output_then_new_validate_and_run_work()
    {
        var init = _cli.Run("init", "--prefix", "ACME", "--name", "ACME Security Advisories",
            "--site-url", "https://security.acme.example/", "--contact", "mailto:security@acme.example");

        Assert.True(init.ExitCode == 0, init.Error);
        Assert.Equal("", init.Error);
        Assert.Equal(
            [.. Scaffold.Select(path => "created " + path), "created .gitignore: /out/", "next:",
             "  advisory new --package ECOSYSTEM/NAME   write an advisory, e.g. --package PyPI/NAME",
             "  advisory validate                       check the advisories",
             "  advisory run                            publish the OSV records to out/osv, render the site, pages and mails to out/",
             "then commit and push: the workflows validate pull requests and publish on merge"],
            init.OutLines);
        Assert.Equal("# What advisory run and advisory render write.\n/out/\n", File.ReadAllText(_temp.Combine(".gitignore")));
        Assert.Equal(AuthoringSchemaFile.For("ACME"), File.ReadAllText(_temp.Combine("schemas", "advisory.schema.json")));
        Assert.Equal(AdopterWorkflows.PullRequest(AdopterWorkflows.DefaultAction), File.ReadAllText(_temp.Combine(".github", "workflows", "advisories-pr.yml")));

        var config = DatabaseConfigLoader.LoadFile(_temp.Combine("advisories", "database.yaml"));
        Assert.Empty(config.Findings);
        Assert.Equal(("ACME Security Advisories", "ACME", "https://security.acme.example/"), (config.Config!.Name, config.Config.IdPrefix, config.Config.SiteUrl));
        Assert.Equal(["mailto:security@acme.example"], config.Config.Policy!.Contacts);
        Assert.Equal(("security@acme.example", "security@acme.example"), (config.Config.MailingList!.From, config.Config.MailingList.ReplyTo));

        var created = _cli.Run("new", "--package", "PyPI/acme-widgets", "--summary", "Path traversal in archive extraction");
        Assert.True(created.ExitCode == 0, created.Error);
        var advisory = _temp.Combine("advisories", "ACME-0000-path-traversal-in-archive-extraction.yaml");
        Assert.StartsWith("# yaml-language-server: $schema=../schemas/advisory.schema.json\n", File.ReadAllText(advisory));
        using (var schema = JsonDocument.Parse(File.ReadAllText(_temp.Combine("schemas", "advisory.schema.json"))))
            Assert.Matches(schema.RootElement.GetProperty("properties").GetProperty("id").GetProperty("pattern").GetString()!,
                "ACME-0000-path-traversal-in-archive-extraction");

        var validated = _cli.Run("validate");
        Assert.True(validated.ExitCode == 0, validated.Out + validated.Error);
        var run = _cli.Run("run");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.True(File.Exists(_temp.Combine("out", "site", "index.html")));
        // The contact makes a policy: the site tells where to report.
        Assert.Contains("mailto:security@acme.example", File.ReadAllText(_temp.Combine("out", "site", ".well-known", "security.txt")));
    }

    /// <summary>
    /// A team with a database already (PyPA's layout: <c>vulns/PACKAGE/ID.yaml</c>) keeps its folder and files: the
    /// configuration goes beside them, the workflows name the folder, and the records validate under it.
    /// </summary>
    [Fact]
    public void An_existing_database_keeps_its_folder_and_the_workflows_name_it()
    {
        var source = SharedData.PathOf("corpus", "pypa");
        foreach (var file in Directory.GetFiles(source, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(20))
        {
            var target = _temp.Combine("vulns", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var init = _cli.Run("init", "--prefix", "PYSEC", "--name", "PyPA Advisory Database", "--advisories", "vulns/");

        Assert.True(init.ExitCode == 0, init.Error);
        Assert.Contains("created vulns/database.yaml", init.OutLines);
        Assert.Contains("  advisory validate vulns                 check the advisories", init.OutLines);
        Assert.Contains("  advisory new --dir vulns --package ECOSYSTEM/NAME write an advisory, e.g. --package PyPI/NAME", init.OutLines);
        Assert.False(Directory.Exists(_temp.Combine("advisories")));
        var pullRequest = File.ReadAllText(_temp.Combine(".github", "workflows", "advisories-pr.yml"));
        Assert.Contains("command: validate vulns --format github", pullRequest);
        Assert.Contains("folder: vulns", pullRequest);
        var publish = File.ReadAllText(_temp.Combine(".github", "workflows", "advisories-publish.yml"));
        Assert.Contains("command: assign-ids --dir vulns", publish);
        Assert.Contains("git add -- vulns", publish);
        Assert.Contains("command: run vulns --target git:.#osv --out out", publish);

        var validated = _cli.Run("validate", "vulns");
        Assert.True(validated.ExitCode is 0 or 1, validated.Error);
        Assert.EndsWith("20 advisories checked", validated.OutLines[^1].Split(',')[0]);
        Assert.DoesNotContain("OSV106", validated.Out);
    }

    [Theory]
    [InlineData("../elsewhere")]
    [InlineData("/abs")]
    [InlineData("a b")]
    public void An_advisory_folder_outside_the_repository_or_with_odd_characters_is_refused(string folder)
    {
        var init = _cli.Run("init", "--prefix", "ACME", "--advisories", folder);

        Assert.Equal(2, init.ExitCode);
        Assert.Contains($"--advisories {folder}: name a folder inside the repository", init.Error);
        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void A_folder_argument_is_the_repository_root_and_the_next_commands_start_there()
    {
        var init = _cli.Run("init", "team/db", "--id-prefix", "TEAM");

        Assert.True(init.ExitCode == 0, init.Error);
        Assert.All(Scaffold, path => Assert.True(File.Exists(_temp.Combine("team", "db", path)), path));
        Assert.Contains("created team/db/advisories/database.yaml", init.OutLines);
        Assert.Contains("  cd team/db", init.OutLines);
        var config = DatabaseConfigLoader.LoadFile(_temp.Combine("team", "db", "advisories", "database.yaml")).Config!;
        Assert.Equal(("Security Advisories", "TEAM", null, null), (config.Name, config.IdPrefix, config.SiteUrl, config.Policy));
    }

    [Fact]
    public void An_existing_file_is_never_replaced_and_then_nothing_at_all_is_written()
    {
        _temp.Write(".github/workflows/advisories-pr.yml", "name: ours\n");
        _temp.Write("schemas/advisory.schema.json", "{}\n");

        var init = _cli.Run("init", "--prefix", "ACME");

        Assert.Equal(2, init.ExitCode);
        Assert.Equal("", init.Out);
        Assert.Contains("schemas/advisory.schema.json, .github/workflows/advisories-pr.yml exist already, and advisory init never replaces a file: nothing was written", init.Error);
        Assert.Equal("name: ours\n", File.ReadAllText(_temp.Combine(".github", "workflows", "advisories-pr.yml")));
        Assert.False(Directory.Exists(_temp.Combine("advisories")));
        Assert.False(File.Exists(_temp.Combine(".gitignore")));
        Assert.False(File.Exists(_temp.Combine(".github", "workflows", "advisories-publish.yml")));
    }

    [Theory]
    [InlineData("node_modules/\n", "node_modules/\n# What advisory run and advisory render write.\n/out/\n")]
    [InlineData("node_modules/", "node_modules/\n# What advisory run and advisory render write.\n/out/\n")]
    [InlineData("bin/\r\nobj/\r\n", "bin/\r\nobj/\r\n# What advisory run and advisory render write.\r\n/out/\r\n")]
    [InlineData("out/\n", "out/\n")]
    [InlineData("build/\n/out/\n", "build/\n/out/\n")]
    public void An_existing_gitignore_gets_the_output_folder_once(string existing, string expected)
    {
        _temp.Write(".gitignore", existing);

        var init = _cli.Run("init", "--prefix", "ACME");

        Assert.True(init.ExitCode == 0, init.Error);
        Assert.Equal(expected, File.ReadAllText(_temp.Combine(".gitignore")));
        Assert.Equal(existing != expected, init.OutLines.Contains("appended to .gitignore: /out/"));
    }

    [Fact]
    public void The_prefix_is_required_and_the_message_says_what_to_write()
    {
        var cli = new CliRunner(Directory.CreateDirectory(_temp.Combine("acme-widgets")).FullName);

        var init = cli.Run("init");

        Assert.Equal(2, init.ExitCode);
        Assert.Equal("advisory: --prefix is required: every advisory ID starts with it, for good (ACME-2026-1); e.g. advisory init --prefix ACME\n", init.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(cli.WorkingDirectory));
    }

    [Theory]
    [InlineData("--prefix", "AC ME", "advisory: --prefix AC ME: use letters, digits and dashes only, e.g. ACME")]
    [InlineData("--site-url", "ftp://security.acme.example/", "advisory: --site-url ftp://security.acme.example/: write an absolute http(s) URL, e.g. https://example.org/security")]
    [InlineData("--contact", "security@acme.example", "advisory: --contact security@acme.example: write a mailto:, https: or tel: URI, e.g. mailto:security@example.org")]
    [InlineData("--contact", "mailto:not an address", "advisory: --contact mailto:not an address: write a mailto:, https: or tel: URI, e.g. mailto:security@example.org")]
    [InlineData("--name", " ", "advisory: --name  : give the database a name, e.g. name: Example Security Advisories")]
    [InlineData("--action", "acme/action@v1\n  shell: evil", "advisory: --action acme/action@v1\n  shell: evil: write OWNER/REPO@REF, e.g. tessera-project/advisory-pipeline@v1, or ./PATH for an action in the repository itself")]
    public void A_bad_value_is_refused_by_its_option_and_nothing_is_written(string option, string value, string message)
    {
        string[] arguments = option == "--prefix" ? ["init", option, value] : ["init", "--prefix", "ACME", option, value];

        var init = _cli.Run(arguments);

        Assert.Equal((2, message + "\n"), (init.ExitCode, init.Error));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(_temp.Path), p => Path.GetFileName(p) != ".cache");
    }

    [Fact]
    public void An_https_contact_goes_into_the_policy_and_leaves_the_mailing_list_commented()
    {
        var init = _cli.Run("init", "--prefix", "ACME", "--contact", "https://acme.example/security");

        Assert.True(init.ExitCode == 0, init.Error);
        var config = DatabaseConfigLoader.LoadFile(_temp.Combine("advisories", "database.yaml")).Config!;
        Assert.Equal(["https://acme.example/security"], config.Policy!.Contacts);
        Assert.Null(config.MailingList);
    }

    [Fact]
    public void Print_shows_the_commented_database_yaml_and_writes_nothing()
    {
        var printed = _cli.Run("init", "--print", "--prefix", "ACME", "--contact", "mailto:security@acme.example");

        Assert.Equal(0, printed.ExitCode);
        Assert.Equal(DatabaseConfigTemplate.Text("Security Advisories", "ACME", contact: "mailto:security@acme.example"), printed.Out);
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(_temp.Path), p => Path.GetFileName(p) != ".cache");
        Assert.Contains("id_prefix: EXAMPLE", _cli.Run("init", "--print").Out);
    }

    /// <summary>With the contact, policy and mailing list are set; every example left commented in them still uncomments to a valid file.</summary>
    [Fact]
    public void The_examples_inside_the_set_blocks_uncomment_to_a_valid_configuration()
    {
        var text = DatabaseConfigTemplate.Text("ACME", "ACME", "https://security.acme.example/", "mailto:security@acme.example");
        // Inside a set block, an example is "  # key: value" (or a list item under one); outside, "# key: value".
        var uncommented = System.Text.RegularExpressions.Regex.Replace(text, @"^(  )?# (?=[a-z_]+:|  |- )", "$1",
            System.Text.RegularExpressions.RegexOptions.Multiline);

        var loaded = DatabaseConfigLoader.Load("database.yaml", Encoding.UTF8.GetBytes(uncommented));

        Assert.Empty(loaded.Findings);
        Assert.Equal("security-team.asc", loaded.Config!.Policy!.EncryptionKey);
        Assert.Equal(["mailto:security@acme.example"], loaded.Config.Policy.Contacts);
        Assert.Equal("security-announce@lists.example.org", loaded.Config.MailingList!.To);
        Assert.NotNull(loaded.Config.Chat);
    }
}
