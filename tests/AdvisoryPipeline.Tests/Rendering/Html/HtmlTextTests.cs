using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering.Html;

namespace AdvisoryPipeline.Tests.Rendering.Html;

public sealed class HtmlTextTests
{
    [Fact]
    public void The_characters_that_end_text_or_a_quoted_attribute_are_encoded() =>
        Assert.Equal("&lt;a href=&quot;x&quot;&gt; &amp;amp; it's", HtmlText.Encode("<a href=\"x\"> &amp; it's"));

    [Fact]
    public void Other_characters_are_written_as_themselves() =>
        Assert.Equal("Diego Castaño, Mirela Dascălu, 王, 🔒", HtmlText.Encode("Diego Castaño, Mirela Dascălu, 王, 🔒"));

    [Theory]
    [InlineData("a\u0000b", "a\uFFFDb")]
    [InlineData("a\u001Bb\u007F", "a\uFFFDb\uFFFD")]
    [InlineData("a\u0085b", "a\uFFFDb")]
    [InlineData("evil\u202Etxt.exe", "evil\uFFFDtxt.exe")]
    [InlineData("\u2066isolated\u2069", "\uFFFDisolated\uFFFD")]
    [InlineData("non\uFFFFcharacter", "non\uFFFDcharacter")]
    [InlineData("tab\tline\nreturn\r", "tab\tline\nreturn\r")]
    [InlineData("pair \uD83D\uDD12 kept", "pair \uD83D\uDD12 kept")]
    public void Hidden_and_unencodable_characters_become_a_visible_replacement(string text, string expected) =>
        Assert.Equal(expected, ReadableText.Clean(text));

    // Built in code: attribute arguments cannot hold unpaired surrogates.
    [Fact]
    public void Unpaired_surrogates_become_a_visible_replacement()
    {
        Assert.Equal("lone \uFFFD surrogate", ReadableText.Clean("lone " + '\uD800' + " surrogate"));
        Assert.Equal("lone \uFFFD", ReadableText.Clean("lone " + '\uDC00'));
        Assert.Equal("\uFFFD\uFFFD", ReadableText.Clean(new string(['\uDC00', '\uD800'])));
    }

    [Fact]
    public void Clean_text_is_returned_as_is() => Assert.Same("plain text", ReadableText.Clean("plain text"));
}
