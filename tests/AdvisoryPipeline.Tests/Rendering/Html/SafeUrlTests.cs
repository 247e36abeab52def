using AdvisoryPipeline.Rendering.Html;

namespace AdvisoryPipeline.Tests.Rendering.Html;

public sealed class SafeUrlTests
{
    [Theory]
    [InlineData("https://example.org/a", "https://example.org/a")]
    [InlineData("http://example.org", "http://example.org/")]
    [InlineData("  https://example.org/a  ", "https://example.org/a")]
    [InlineData("mailto:security@example.org", "mailto:security@example.org")]
    [InlineData("https://example.org/\"><script>", "https://example.org/%22%3E%3Cscript%3E")]
    [InlineData("https://example.org/a b", "https://example.org/a%20b")]
    public void Http_https_and_mailto_are_allowed_in_their_normalised_form(string text, string expected)
    {
        Assert.True(SafeUrl.TryNormalize(text, out var url));
        Assert.Equal(expected, url);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("javascript:alert(1)")]
    [InlineData(" JavaScript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.org/")]
    [InlineData("/relative")]
    [InlineData("../relative")]
    [InlineData("//example.org/protocol-relative")]
    [InlineData("example.org")]
    [InlineData("http:///no-host")]
    public void Everything_else_is_refused(string? text) => Assert.False(SafeUrl.TryNormalize(text, out _));
}
