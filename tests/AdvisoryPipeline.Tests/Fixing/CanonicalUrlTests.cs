using AdvisoryPipeline.Fixing;

namespace AdvisoryPipeline.Tests.Fixing;

public sealed class CanonicalUrlTests
{
    [Theory]
    [InlineData("HTTPS://Example.COM:443/Path?Q=A#Frag", "https://example.com/Path?Q=A#Frag")]
    [InlineData("http://example.com:80", "http://example.com")]
    [InlineData("http://example.com:8080/a", "http://example.com:8080/a")]
    [InlineData("https://example.com:80/a", "https://example.com:80/a")]
    [InlineData("http://example.com:/a", "http://example.com/a")]
    [InlineData("https://User:PassWord@Example.com/", "https://User:PassWord@example.com/")]
    [InlineData("http://[2001:DB8::1]:80/x", "http://[2001:db8::1]/x")]
    [InlineData("https://example.com/%7Euser/A%2fB", "https://example.com/%7Euser/A%2fB")]
    [InlineData("https://example.com/a/../b/", "https://example.com/a/../b/")]
    [InlineData("git+SSH://GitHub.com/o/r", "git+ssh://github.com/o/r")]
    [InlineData("https://bücher.EXAMPLE/x", "https://bücher.example/x")]
    public void Lower_cases_scheme_and_host_and_drops_default_ports_only(string url, string canonical) =>
        Assert.Equal(canonical, CanonicalUrl.Of(url));

    [Theory]
    [InlineData("mailto:Someone@Example.ORG")]
    [InlineData("not a url")]
    [InlineData("example.com/path")]
    [InlineData("https://example.com:abc/")]
    [InlineData("https://exa mple.com/")]
    [InlineData("1http://example.com")]
    public void Leaves_what_is_not_a_url_with_an_authority(string text) => Assert.Null(CanonicalUrl.Of(text));
}
