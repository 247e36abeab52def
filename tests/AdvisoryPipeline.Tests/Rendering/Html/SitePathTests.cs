using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering;
using AdvisoryPipeline.Rendering.Html;

namespace AdvisoryPipeline.Tests.Rendering.Html;

public sealed class SitePathTests
{
    [Theory]
    [InlineData("tessera-py", "tessera-py")]
    [InlineData("tessera_core.v2", "tessera_core.v2")]
    [InlineData("@tessera/client", "~40tessera~2Fclient")]
    [InlineData("org.example:artifact", "org.example~3Aartifact")]
    [InlineData("..", "~2E~2E")]
    [InlineData(".", "~2E")]
    [InlineData(".hidden", "~2Ehidden")]
    [InlineData("trailing.", "trailing~2E")]
    [InlineData("_private_name", "~5Fprivate_name")]
    [InlineData("../../x", "~2E.~2F..~2Fx")]
    [InlineData("a~b", "a~7Eb")]
    [InlineData("", "~")]
    [InlineData("naïve", "na~C3~AFve")]
    public void Names_become_one_safe_segment(string name, string expected) => Assert.Equal(expected, SitePathSegment.Escape(name));

    [Fact]
    public void Every_hostile_payload_becomes_a_well_formed_segment()
    {
        foreach (var payload in HostileDatabase.Payloads.Append(new string('x', 5000)).Append("../" + new string('é', 300)))
        {
            var segment = SitePathSegment.Escape(payload);
            Assert.True(GeneratedPath.IsWellFormed(segment), $"'{segment}' from '{payload}'");
            Assert.DoesNotContain('/', segment);
            Assert.InRange(segment.Length, 1, 120);
        }
    }

    [Fact]
    public void Distinct_names_give_distinct_segments()
    {
        string[] names =
        [
            "a~7Eb", "a~b", "a/b", "a~2Fb", "", "~", "..", "~2E~2E", "x", "X",
            new string('a', 200) + "1", new string('a', 200) + "2", new string('a', 96) + "/", new string('a', 96) + "~2F",
        ];
        var segments = names.Select(SitePathSegment.Escape).ToList();

        Assert.Equal(segments.Count, segments.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("PyPI", "jinja2", "packages/PyPI/jinja2/")]
    [InlineData("npm", "@tessera/client", "packages/npm/~40tessera/client/")]
    [InlineData("Go", "github.com/tessera-project/tessera-go/v2", "packages/Go/github.com/tessera-project/tessera-go/v2/")]
    [InlineData("GIT", "https://github.com/org/repo", "packages/GIT/github.com/org/repo/")]
    [InlineData("GIT", "https://github.com/org/repo.git", "packages/GIT/github.com/org/repo.git/")]
    [InlineData("GIT", "http://example.org/repo", "packages/GIT/http~3A/~/example.org/repo/")]
    [InlineData("Debian:12", "../../etc", "packages/Debian~3A12/~2E~2E/~2E~2E/etc/")]
    [InlineData("npm", "x/index.html", "packages/npm/x/index~2Ehtml/")]
    [InlineData("npm", "a//b/", "packages/npm/a/~/b/~/")]
    public void Package_pages_are_readable_paths_below_packages(string ecosystem, string name, string expected)
    {
        var path = SiteLinks.PackagePagePath(ecosystem, name);

        Assert.Equal(expected, path);
        Assert.True(GeneratedPath.IsWellFormed(path + "index.html"), path);
    }

    [Fact]
    public void A_name_of_many_parts_becomes_one_hashed_segment_and_hashed_paths_are_distinct_from_readable_ones()
    {
        var deep = string.Join('/', Enumerable.Range(0, 30).Select(i => "p" + i));

        var path = SiteLinks.PackagePagePath("Go", deep);

        Assert.Equal(3, path.Split('/', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("~-", path, StringComparison.Ordinal);
        Assert.NotEqual(SiteLinks.PackagePagePath("GIT", "example.org/x"), SiteLinks.DistinctPackagePagePath("GIT", "https://example.org/x"));
        Assert.Contains("~-", SiteLinks.DistinctPackagePagePath("GIT", "https://example.org/x"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("TSSA-2026-1/index.html")]
    [InlineData("packages/npm/~40tessera/client/index.html")]
    [InlineData("packages/GIT/github.com/org/repo/index.html")]
    [InlineData(".well-known/security.txt")]
    [InlineData("security/openpgp-key.asc")]
    public void Site_paths_resolve_inside_the_root(string path)
    {
        var root = Path.Combine(Path.GetTempPath(), "site-root");

        Assert.StartsWith(root + Path.DirectorySeparatorChar, GeneratedPath.Resolve(root, path), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("a/../../x")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData(".advisory-site")]
    [InlineData("a/.git/config")]
    [InlineData("a\\..\\b")]
    [InlineData("C:x")]
    [InlineData("a b")]
    [InlineData(".well-known")]
    [InlineData("a/.well-known/security.txt")]
    [InlineData(".well-known/.hidden")]
    [InlineData(".Well-Known/security.txt")]
    [InlineData(".well-knownx/security.txt")]
    [InlineData(".git/config")]
    [InlineData("../.well-known/security.txt")]
    public void Anything_else_is_refused_before_it_reaches_the_disk(string path)
    {
        Assert.False(GeneratedPath.IsWellFormed(path));
        Assert.Throws<InvalidOperationException>(() => GeneratedPath.Resolve(Path.GetTempPath(), path));
        Assert.Throws<InvalidOperationException>(() => new SiteContent().Add(path, []));
    }

    /// <summary>RFC 8615's folder is the one dot name the site may have, and only at its root (RFC 9116 puts security.txt there).</summary>
    [Fact]
    public void Only_a_first_level_well_known_folder_may_start_with_a_dot()
    {
        Assert.True(GeneratedPath.IsWellFormed(".well-known/security.txt"));
        Assert.False(GeneratedPath.IsWellFormed(".well-known"));
        Assert.False(GeneratedPath.IsWellFormed("x/.well-known/security.txt"));
        var content = new SiteContent();
        content.Add(".well-known/security.txt", [0x41]);
        Assert.Single(content.Files);
    }
}
