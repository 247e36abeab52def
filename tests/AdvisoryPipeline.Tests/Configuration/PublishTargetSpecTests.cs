using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Publishing;
using AdvisoryPipeline.Publishing.FeedFolder;
using AdvisoryPipeline.Publishing.Ghsa;
using AdvisoryPipeline.Publishing.Git;
using AdvisoryPipeline.Publishing.GitHub;

namespace AdvisoryPipeline.Tests.Configuration;

public sealed class PublishTargetSpecTests
{
    [Theory]
    [InlineData("dir:out/osv", "dir out/osv")]
    [InlineData("dir:/srv/feeds/osv", "dir /srv/feeds/osv")]
    [InlineData("git:../advisory-db", "git ../advisory-db (HEAD) osv")]
    [InlineData("git:../advisory-db#main", "git ../advisory-db main osv")]
    [InlineData("git:.#release/osv-feed:data/osv", "git . release/osv-feed data/osv")]
    [InlineData("git:/repos/db#:published", "git /repos/db (HEAD) published")]
    [InlineData("github:acme/advisory-db", "github acme/advisory-db (default) osv")]
    [InlineData("github:acme/advisory-db#main", "github acme/advisory-db main osv")]
    [InlineData("github:acme/advisory-db/data/osv#release/2.x", "github acme/advisory-db release/2.x data/osv")]
    [InlineData("github:acme/advisory.db_2#gh-pages:feed", "github acme/advisory.db_2 gh-pages feed")]
    [InlineData("ghsa:acme/tessera", "ghsa acme/tessera")]
    [InlineData("ghsa:acme-corp/tessera.py_2", "ghsa acme-corp/tessera.py_2")]
    [InlineData("git:repo:records", "git repo (HEAD) records")]
    [InlineData("git:repo#main:records", "git repo main records")]
    [InlineData("git:we:ird#", "git we:ird (HEAD) osv")]
    [InlineData("github:acme/advisory-db:data/osv", "github acme/advisory-db (default) data/osv")]
    public void Targets_parse_into_their_parts(string text, string expected)
    {
        var spec = PublishTargetSpec.Parse(text);

        var parts = spec switch
        {
            FeedFolderTargetSpec folder => $"dir {folder.Path}",
            GitTargetSpec git => $"git {git.RepositoryPath} {git.Branch ?? "(HEAD)"} {git.Folder}",
            GitHubTargetSpec github => $"github {github.Owner}/{github.Repository} {github.Branch ?? "(default)"} {github.Folder}",
            GhsaTargetSpec ghsa => $"ghsa {ghsa.Owner}/{ghsa.Repository}",
            _ => "?",
        };
        Assert.Equal(expected, parts);
        Assert.Equal(text, spec.Text);
    }

    [Theory]
    [InlineData("out/osv", "'out/osv' is not a publish target: write dir:PATH, git:PATH[#BRANCH][:FOLDER], github:OWNER/REPO[#BRANCH][:FOLDER] or ghsa:OWNER/REPO.")]
    [InlineData("s3:bucket", "'s3:bucket' is not a publish target: write dir:PATH, git:PATH[#BRANCH][:FOLDER], github:OWNER/REPO[#BRANCH][:FOLDER] or ghsa:OWNER/REPO.")]
    [InlineData("dir:", "'dir:' names no folder: write dir:PATH, e.g. dir:out/osv.")]
    [InlineData("git:#main", "'git:#main' names no repository: write git:PATH[#BRANCH][:FOLDER], e.g. git:../advisory-db#main:osv.")]
    [InlineData("git:.#main:../outside", "'git:.#main:../outside': '../outside' is not a folder of the repository.")]
    [InlineData("github:acme", "'github:acme' does not name a GitHub repository: write github:OWNER/REPO[#BRANCH][:FOLDER], e.g. github:acme/advisory-db#main.")]
    [InlineData("github:ac me/db", "'github:ac me/db' does not name a GitHub repository: write github:OWNER/REPO[#BRANCH][:FOLDER], e.g. github:acme/advisory-db#main.")]
    [InlineData("ghsa:acme", "'ghsa:acme' does not name a GitHub repository: write ghsa:OWNER/REPO, e.g. ghsa:acme/tessera (no branch or folder).")]
    [InlineData("ghsa:acme/tessera#main", "'ghsa:acme/tessera#main' does not name a GitHub repository: write ghsa:OWNER/REPO, e.g. ghsa:acme/tessera (no branch or folder).")]
    [InlineData("ghsa:acme/tessera/osv", "'ghsa:acme/tessera/osv' does not name a GitHub repository: write ghsa:OWNER/REPO, e.g. ghsa:acme/tessera (no branch or folder).")]
    [InlineData("github:acme/db/osv#main:osv", "'github:acme/db/osv#main:osv' names the folder twice: give it after the repository or after the branch, not both.")]
    public void Wrong_targets_say_what_to_write(string text, string message)
    {
        Assert.False(PublishTargetSpec.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
        Assert.Equal(message, Assert.Throws<FormatException>(() => PublishTargetSpec.Parse(text)).Message);
    }

    [Fact]
    public void Targets_are_made_from_their_specs_with_paths_from_the_base_directory_and_the_token_from_the_environment()
    {
        var context = new PublishTargetContext("/work/db", name => name == "DEPLOY_TOKEN" ? "ghp_x" : null) { TokenVariable = "DEPLOY_TOKEN" };

        var folder = Assert.IsType<FeedFolderTarget>(PublishTargets.Create(PublishTargetSpec.Default, context));
        var git = Assert.IsType<GitTarget>(PublishTargets.Create(PublishTargetSpec.Parse("git:../other#main"), context));
        var github = Assert.IsType<GitHubTarget>(PublishTargets.Create(PublishTargetSpec.Parse("github:acme/db"), context));
        var ghsa = Assert.IsType<GhsaTarget>(PublishTargets.Create(PublishTargetSpec.Parse("ghsa:acme/tessera"), context));
        var noToken = Assert.Throws<PublishFailedException>(() =>
            PublishTargets.Create(PublishTargetSpec.Parse("github:acme/db"), context with { TokenVariable = "GITHUB_TOKEN" }));

        Assert.Equal(("dir:out/osv", "/work/db/out/osv"), (folder.Name, folder.Root));
        Assert.Equal("git:../other#main", git.Name);
        Assert.Equal("github:acme/db", github.Name);
        Assert.Equal("ghsa:acme/tessera", ghsa.Name);
        Assert.StartsWith("GITHUB_TOKEN is not set", noToken.Message, StringComparison.Ordinal);
        var ghsaNoToken = Assert.Throws<PublishFailedException>(() =>
            PublishTargets.Create(PublishTargetSpec.Parse("ghsa:acme/tessera"), context with { TokenVariable = "GITHUB_TOKEN" }));
        Assert.Equal("GITHUB_TOKEN is not set: the ghsa: target needs a token that may write the repository's security advisories (fine-grained: \"Repository security advisories\" write).", ghsaNoToken.Message);
    }
}
