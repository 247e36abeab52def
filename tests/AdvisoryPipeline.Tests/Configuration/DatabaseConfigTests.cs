using System.Text;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Tests.Configuration;

public sealed class DatabaseConfigTests : IDisposable
{
    private const string ConfigFile = "database.yaml";

    private readonly string _folder = Directory.CreateTempSubdirectory("config-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static LoadedDatabaseConfig Load(string yaml) => DatabaseConfigLoader.Load(ConfigFile, Encoding.UTF8.GetBytes(yaml));

    private static Finding Single(LoadedDatabaseConfig result, string code)
    {
        var matches = result.Findings.Where(f => f.Code == code).ToList();
        Assert.True(matches.Count == 1, $"expected one {code}: " + string.Join("; ", result.Findings.Select(f => $"{f.Code} {f.Location} {f.Message}")));
        return matches[0];
    }

    [Fact]
    public void Full_configuration_is_read_into_records()
    {
        var result = Load("""
            name: Example Security Advisories
            id_prefix: TSSA
            home_url: https://example.org
            site_url: https://example.org/security/
            mailing_list:
              to: security-announce@example.org
              from: Example Security <security@example.org>
              reply_to: security@example.org
              subject: "[ANN] {id}"
            ecosystems: [PyPI, npm]
            lint:
              OSV101: off
              OSV202: warning
            publish:
              targets:
              - dir:out/osv
              - git:origin
            """);

        Assert.Empty(result.Findings);
        var config = result.Config!;
        Assert.Equal("Example Security Advisories", config.Name);
        Assert.Equal("TSSA", config.IdPrefix);
        Assert.Equal("https://example.org/security/", config.SiteUrl);
        Assert.Equal(new MailingListConfig("security-announce@example.org", "Example Security <security@example.org>", "security@example.org", "[ANN] {id}"), config.MailingList);
        Assert.Equal(["PyPI", "npm"], config.Ecosystems!);
        Assert.Equal(LintLevel.Off, config.Lint!["OSV101"]);
        Assert.Equal(LintLevel.Warning, config.Lint["OSV202"]);
        Assert.Equal(["dir:out/osv", "git:origin"], config.Publish!.Targets);
    }

    [Fact]
    public void Omitted_keys_take_their_defaults()
    {
        var result = Load("name: N\nid_prefix: N-1\nmailing_list:\n  to: a@example.org\npublish: {}\n");

        Assert.Empty(result.Findings);
        Assert.Equal(MailingListConfig.DefaultSubject, result.Config!.MailingList!.Subject);
        Assert.Equal("[SECURITY] {id}: {summary}", MailingListConfig.DefaultSubject);
        Assert.Empty(result.Config.Publish!.Targets);
        Assert.Null(result.Config.Lint);
        Assert.Null(result.Config.HomeUrl);
    }

    [Fact]
    public void Unknown_key_is_CFG001_at_the_key_listing_the_known_ones()
    {
        var result = Load("name: N\nid_prefix: T\nmailing_list:\n  to: a@example.org\n  cc: b@example.org\n");

        var finding = Single(result, ConfigFindingCodes.UnknownKey);
        Assert.Equal(new SourceLocation(ConfigFile, 5, 3), finding.Location);
        Assert.Equal("unknown key cc in mailing_list", finding.Message);
        Assert.Equal("the keys known here are: to, from, reply_to, subject", finding.Hint);
        Assert.Equal("/mailing_list/cc", finding.Pointer);
        Assert.Null(result.Config);
        Assert.True(result.HasErrors);
    }

    [Theory]
    [InlineData("id_prefix: T_S", 2, 12, "id_prefix: \"T_S\" is not a valid value", "use letters, digits and dashes only, e.g. id_prefix: TSSA")]
    [InlineData("home_url: ftp://example.org", 2, 11, "home_url: \"ftp://example.org\" is not a valid value", "write an absolute http(s) URL, e.g. https://example.org")]
    [InlineData("site_url: /security", 2, 11, "site_url: \"/security\" is not a valid value", "write an absolute http(s) URL, e.g. https://example.org/security")]
    [InlineData("mailing_list: {from: not-an-address}", 2, 22, "mailing_list.from: \"not-an-address\" is not a valid value", "write a mail address, e.g. security@example.org")]
    [InlineData("ecosystems: PyPI", 2, 13, "ecosystems must be a list, but it is a string", "write a list here")]
    [InlineData("lint: {OSV101: loud}", 2, 16, "lint.OSV101: \"loud\" is not a valid value", "write one of: off, info, warning, error")]
    [InlineData("lint: {osv101: off}", 2, 8, "lint.osv101: the key osv101 is not valid here", "write a rule code in capitals and digits, e.g. OSV101")]
    [InlineData("publish: {targets: [out/osv]}", 2, 21, "publish.targets.0: \"out/osv\" is not a valid value", "'out/osv' is not a publish target: write dir:PATH, git:PATH[#BRANCH][:FOLDER], github:OWNER/REPO[#BRANCH][:FOLDER] or ghsa:OWNER/REPO.")]
    // The pull-request check (validate) refuses what publish would refuse: the grammar is the publish targets' own.
    [InlineData("publish: {targets: [\"ftp:example.org\"]}", 2, 21, "publish.targets.0: \"ftp:example.org\" is not a valid value", "'ftp:example.org' is not a publish target: write dir:PATH, git:PATH[#BRANCH][:FOLDER], github:OWNER/REPO[#BRANCH][:FOLDER] or ghsa:OWNER/REPO.")]
    [InlineData("publish: {targets: [\"git:db#main:../up\"]}", 2, 21, "publish.targets.0: \"git:db#main:../up\" is not a valid value", "'git:db#main:../up': '../up' is not a folder of the repository.")]
    [InlineData("mailing_list: [a@example.org]", 2, 15, "mailing_list must be a mapping (key: value lines), but it is a list", "write a mapping (key: value lines) here")]
    public void Wrong_type_or_invalid_value_is_CFG002_at_the_value(string entry, int line, int column, string message, string hint)
    {
        var yaml = entry.StartsWith("id_prefix", StringComparison.Ordinal) ? "name: N\n" + entry + "\n" : "name: N\nid_prefix: T\n" + entry + "\n";
        if (!entry.StartsWith("id_prefix", StringComparison.Ordinal)) line++;

        var finding = Single(Load(yaml), ConfigFindingCodes.InvalidValue);

        Assert.Equal(new SourceLocation(ConfigFile, line, column), finding.Location);
        Assert.Equal(message, finding.Message);
        Assert.Equal(hint, finding.Hint);
    }

    [Fact]
    public void Missing_required_key_is_CFG003_at_the_mapping()
    {
        var result = Load("# config\nhome_url: https://example.org\n");

        var findings = result.Findings.Where(f => f.Code == ConfigFindingCodes.MissingKey).ToList();
        Assert.Equal(["/name", "/id_prefix"], findings.Select(f => f.Pointer));
        Assert.All(findings, f => Assert.Equal(new SourceLocation(ConfigFile, 2, 1), f.Location));
        Assert.Equal("database.yaml has no name, which is required", findings[0].Message);
        Assert.Equal("add name: ...", findings[0].Hint);
    }

    [Fact]
    public void String_position_holding_a_number_is_reported_once_by_the_loader()
    {
        var result = Load("name: 2024\nid_prefix: T\n");

        var finding = Assert.Single(result.Findings);
        Assert.Equal(LoadFindingCodes.NumberForString, finding.Code);
        Assert.Equal("2024 is read by YAML as the number 2024, but database.yaml expects a string here", finding.Message);
        Assert.Null(result.Config);
    }

    [Fact]
    public void YAML11_booleans_are_plain_strings_in_the_configuration()
    {
        var result = Load("name: N\nid_prefix: T\nlint: {OSV101: off, OSV102: on}\n");

        Assert.Equal(ConfigFindingCodes.InvalidValue, Assert.Single(result.Findings).Code);
        Assert.Equal("/lint/OSV102", result.Findings[0].Pointer);
    }

    [Fact]
    public void YAML_problems_of_the_file_are_reported_as_such()
    {
        var result = Load("name: N\nname: M\n");

        Assert.Contains(result.Findings, f => f.Code == LoadFindingCodes.DuplicateKey);
        Assert.Null(result.Config);
    }

    [Fact]
    public void Locator_finds_the_nearest_enclosing_configuration()
    {
        var root = Directory.CreateDirectory(Path.Combine(_folder, "advisories"));
        var nested = Directory.CreateDirectory(Path.Combine(root.FullName, "pypi", "demo"));
        var other = Directory.CreateDirectory(Path.Combine(root.FullName, "npm"));
        File.WriteAllText(Path.Combine(root.FullName, ConfigFile), "name: Outer\nid_prefix: OUT\n");
        File.WriteAllText(Path.Combine(nested.FullName, ConfigFile), "name: Inner\nid_prefix: IN\n");
        var advisory = Path.Combine(nested.FullName, "IN-2024-1.yaml");
        File.WriteAllText(advisory, "id: IN-2024-1\n");

        Assert.Equal(Path.Combine(nested.FullName, ConfigFile), DatabaseConfigLocator.FindFor(advisory));
        Assert.Equal(Path.Combine(root.FullName, ConfigFile), DatabaseConfigLocator.FindFor(Path.Combine(other.FullName, "x.yaml")));
        Assert.Equal(Path.Combine(root.FullName, ConfigFile), DatabaseConfigLocator.FindFor(other.FullName));
        Assert.Equal("Inner", DatabaseConfigLoader.LoadFor(advisory).Config!.Name);
    }

    [Fact]
    public void Defaults_apply_when_there_is_no_configuration()
    {
        var advisory = Path.Combine(_folder, "lonely.yaml");

        var result = DatabaseConfigLoader.LoadFor(advisory);

        Assert.Null(DatabaseConfigLocator.FindFor(advisory));
        Assert.Empty(result.Findings);
        Assert.Null(result.Path);
        Assert.Same(DatabaseConfig.Defaults, result.Config);
        Assert.Null(DatabaseConfig.Defaults.IdPrefix);
    }

    [Fact]
    public void Configuration_shape_comes_from_the_records()
    {
        var root = DatabaseConfigShape.Instance.Root;

        Assert.True(root.Property("name")!.ExpectsString);
        Assert.True(root.Property("mailing_list")!.Property("reply_to")!.ExpectsString);
        Assert.True(root.Property("ecosystems")!.Item!.ExpectsString);
        Assert.True(root.Property("lint")!.Property("OSV101")!.ExpectsString);
        Assert.True(root.Property("publish")!.Property("targets")!.Item!.ExpectsString);
        Assert.False(root.Property("mailing_list")!.ExpectsString);
        Assert.Null(root.Property("unknown"));
    }
}
