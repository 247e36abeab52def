using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AdvisoryPipeline.Lifecycle;
using AdvisoryPipeline.Tests.TestSupport;
using AdvisoryPipeline.Tests.Workflows;
using Xunit.Abstractions;

namespace AdvisoryPipeline.Tests.Cli;

/// <summary>
/// The tool as an adopting repository gets it: the .NET tool package (packed once by <see cref="ToolPackageFixture"/>),
/// installed into a tool folder with the README's command, then the README's adopter commands run as written, with the
/// installed <c>advisory</c>, in a new empty git repository.
/// </summary>
[Collection(ToolPackageCollection.Name)]
public sealed partial class ToolPackageTests(ToolPackageFixture package, ITestOutputHelper output) : IDisposable
{
    private const string ReadmeFeed = "~/advisory-feed";

    private readonly TempFolder _temp = new("advisory-adopter-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_package_is_a_dotnet_tool_named_advisory_carrying_the_tool_and_its_libraries_and_nothing_else()
    {
        output.WriteLine($"packed and installed by the action in {package.BuildTime.TotalSeconds:F0} s");
        using var zip = ZipFile.OpenRead(package.Package);
        var entries = zip.Entries.Select(e => e.FullName).ToArray();

        var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var ns = nuspec.Root!.Name.Namespace;
        Assert.Equal("AdvisoryPipeline.Tool", nuspec.Descendants(ns + "id").Single().Value);
        Assert.Equal(ToolPackageFixture.ProjectVersion, nuspec.Descendants(ns + "version").Single().Value);
        Assert.Equal("DotnetTool", nuspec.Descendants(ns + "packageType").Single().Attribute("name")!.Value);
        // Every library travels inside: installing needs no other package.
        Assert.Empty(nuspec.Descendants(ns + "dependency"));

        var settings = XDocument.Load(zip.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
        var command = settings.Descendants("Command").Single();
        Assert.Equal(("advisory", "advisory.dll"), (command.Attribute("Name")!.Value, command.Attribute("EntryPoint")!.Value));
        foreach (var library in new[] { "advisory.dll", "AdvisoryPipeline.dll", "AdvisoryPipeline.JsonSchema.dll", "YamlDotNet.dll", "Octokit.dll", "MimeKit.dll" })
            Assert.Contains("tools/net10.0/any/" + library, entries);

        // The tool and the package's own files only: no advisories, fixtures, tests or shared data.
        var unexpected = entries.Where(e => !e.StartsWith("tools/net10.0/any/", StringComparison.Ordinal)
            && e is not ("_rels/.rels" or "[Content_Types].xml" or "AdvisoryPipeline.Tool.nuspec" or "README.md")
            && !e.StartsWith("package/services/metadata/", StringComparison.Ordinal)).ToArray();
        Assert.Empty(unexpected);
        Assert.DoesNotContain(entries, e => e.EndsWith(".yaml", StringComparison.Ordinal) || e.EndsWith(".yml", StringComparison.Ordinal)
            || e.Contains("Tests", StringComparison.Ordinal) || e.Contains("Fake", StringComparison.Ordinal) || e.Contains("advisories/", StringComparison.Ordinal));
    }

    /// <summary>One version: the project's, which the action installs by default and the README's commands name.</summary>
    [Fact]
    public void The_action_and_the_readme_install_the_version_the_project_packs()
    {
        Assert.Equal(ToolPackageFixture.ProjectVersion, WorkflowDocument.Action().InputDefaults["version"]);
        var readmeVersions = VersionOption().Matches(Section("Adopting it")).Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.Equal([ToolPackageFixture.ProjectVersion], readmeVersions);
        Assert.StartsWith("v" + ToolPackageFixture.ProjectVersion.Split('.')[0], AdopterWorkflows.DefaultAction.Split('@')[1]);
        var version = ExternalProcess.Run(Path.Combine(package.ToolPath, "advisory"), ["--version"], _temp.Path);
        Assert.StartsWith(ToolPackageFixture.ProjectVersion + "+", version.Out);
    }

    /// <summary>The README builds the package with the action's command (only the folders differ).</summary>
    [Fact]
    public void The_readme_packs_the_tool_as_the_action_does()
    {
        var readme = Lines(Blocks(Section("Adopting it")).Single(b => b.Contains("--add-source", StringComparison.Ordinal)))
            .Single(l => l.StartsWith("dotnet pack", StringComparison.Ordinal));
        var action = WorkflowDocument.Action().Steps.Single(s => s.Id == "pack").Run!.Split('\n')
            .Select(l => l.Trim()).Single(l => l.StartsWith("dotnet pack", StringComparison.Ordinal));

        Assert.Equal(
            readme.Replace(ReadmeFeed, "FEED", StringComparison.Ordinal),
            action.Replace("\"$GITHUB_ACTION_PATH/src/AdvisoryPipeline.Cli\"", "src/AdvisoryPipeline.Cli", StringComparison.Ordinal)
                .Replace("\"$feed\"", "FEED", StringComparison.Ordinal).Replace(" --nologo", "", StringComparison.Ordinal));
    }

    [Fact]
    public void An_adopter_installs_the_package_and_follows_the_readme_in_an_empty_git_repository()
    {
        var section = Section("Adopting it");
        var tools = _temp.Combine("tools");
        var variables = new Dictionary<string, string>
        {
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["XDG_CACHE_HOME"] = _temp.Combine("cache"),
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        };

        // The README's install from a local feed, into a tool folder instead of the user's global tools.
        var install = Lines(Blocks(section).Single(b => b.Contains("--add-source", StringComparison.Ordinal)))
            .Single(l => l.StartsWith("dotnet tool install", StringComparison.Ordinal));
        Assert.Contains("--global", install);
        var installed = Bash(install.Replace("--global", $"--tool-path '{tools}'", StringComparison.Ordinal)
            .Replace(ReadmeFeed, $"'{package.Feed}'", StringComparison.Ordinal), _temp.Path, variables);
        Assert.True(installed.ExitCode == 0, installed.ToString());
        variables["PATH"] = tools + ":" + Environment.GetEnvironmentVariable("PATH");

        var repository = Directory.CreateDirectory(_temp.Combine("acme-advisories")).FullName;
        GitProcess.Succeed(repository, ["init", "--quiet", "--initial-branch=main"]);
        var commands = Lines(Blocks(section).Single(b => b.Contains("advisory init", StringComparison.Ordinal))).ToArray();
        Assert.Equal(["advisory init", "advisory new", "advisory validate", "advisory run"], commands.Select(c => string.Join(' ', c.Split(' ').Take(2))));
        var results = new List<ProcessResult>();
        foreach (var command in commands)
        {
            var result = Bash(command, repository, variables);
            output.WriteLine($"$ {command}\n{result}");
            Assert.True(result.ExitCode == 0, $"{command}: {result}");
            results.Add(result);
        }

        Assert.Contains("created advisories/database.yaml", results[0].Out);
        Assert.Contains("created .github/workflows/advisories-publish.yml", results[0].Out);
        Assert.StartsWith("created advisories/ACME-0000-path-traversal-in-archive-extraction.yaml", results[1].Out);
        var advisory = File.ReadAllText(Path.Combine(repository, "advisories", "ACME-0000-path-traversal-in-archive-extraction.yaml"));
        Assert.StartsWith("# yaml-language-server: $schema=../schemas/advisory.schema.json\n", advisory);
        Assert.Contains("url: https://security.acme.example/ACME-0000-path-traversal-in-archive-extraction/", advisory);
        Assert.EndsWith("1 advisory checked, 0 errors, 2 warnings\n", results[2].Out);
        Assert.Contains("out/site: wrote", results[3].Out);
        Assert.True(File.Exists(Path.Combine(repository, "out", "site", "index.html")));
        Assert.Contains("Contact: mailto:security@acme.example", File.ReadAllText(Path.Combine(repository, "out", "site", ".well-known", "security.txt")));

        // What the team commits: the scaffold and the advisory, never the output.
        GitProcess.Succeed(repository, ["add", "--all"]);
        var committed = GitProcess.Succeed(repository, ["ls-files"]).Split('\n');
        Assert.Equal(
            [".github/workflows/advisories-pr.yml", ".github/workflows/advisories-publish.yml", ".gitignore",
             "advisories/ACME-0000-path-traversal-in-archive-extraction.yaml", "advisories/database.yaml", "schemas/advisory.schema.json"],
            committed);
    }

    /// <summary>Runs one line as a person would type it, in bash.</summary>
    internal static ProcessResult Bash(string line, string folder, IReadOnlyDictionary<string, string> variables) =>
        ExternalProcess.Run("bash", ["--noprofile", "--norc", "-e", "-c", line], folder, variables, TimeSpan.FromMinutes(3));

    /// <summary>The README's section under a level-2 heading, up to the next one.</summary>
    private static string Section(string heading)
    {
        var readme = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "README.md"));
        var start = readme.IndexOf("\n## " + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no section \"## {heading}\"");
        var end = readme.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
        return readme[start..(end < 0 ? readme.Length : end)];
    }

    /// <summary>The <c>sh</c> code blocks of a Markdown text (indented ones too, as in a list).</summary>
    private static IEnumerable<string> Blocks(string markdown) =>
        ShellBlock().Matches(markdown).Select(m => m.Groups[1].Value);

    /// <summary>The commands of a block: its lines without indentation, blank lines and comments.</summary>
    private static IEnumerable<string> Lines(string block) =>
        block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    [GeneratedRegex(@"```sh\n(.*?)\n\s*```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"--version ([0-9][0-9A-Za-z.+-]*)")]
    private static partial Regex VersionOption();
}
