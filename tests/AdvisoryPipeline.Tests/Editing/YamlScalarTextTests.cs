using System.Text;
using AdvisoryPipeline.Editing;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Tests.Editing;

public sealed class YamlScalarTextTests
{
    private static string ReadBack(string scalarSource)
    {
        var document = AdvisoryYamlLoader.Load("t.yaml", Encoding.UTF8.GetBytes("summary: " + scalarSource + "\n"));
        Assert.DoesNotContain(document.Findings, f => f.IsError);
        return document.Record!.Value.GetProperty("summary").GetString()!;
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("quote \" and \\ backslash")]
    [InlineData("tab\tline\nbreak\r\u0001\u007f\u0085\u00a0\u2028\u2029\ufeff")]
    [InlineData("ünïcödé ✓")]
    [InlineData("")]
    public void Double_quoted_text_reads_back_as_the_same_string(string value) =>
        Assert.Equal(value, ReadBack(YamlScalarText.DoubleQuoted(value)));

    [Theory]
    [InlineData("it's", "'it''s'")]
    [InlineData("a\nb", null)]
    public void Single_quotes_only_hold_one_line(string value, string? expected) =>
        Assert.Equal(expected, YamlScalarText.SingleQuoted(value));

    [Theory]
    [InlineData("pkg:pypi/example", true)]
    [InlineData("https://example.com/a?b=c", true)]
    [InlineData("CVE-2024-1234", true)]
    [InlineData("1.10", false)]
    [InlineData("0x1F", false)]
    [InlineData("yes", false)]
    [InlineData("Null", false)]
    [InlineData("2021-10-11T01:16:41Z", false)]
    [InlineData("1:20", false)]
    [InlineData("@scope/name", false)]
    [InlineData("a: b", false)]
    [InlineData("a #b", false)]
    [InlineData("a,b", false)]
    [InlineData("- item", false)]
    [InlineData("ends:", false)]
    [InlineData("ünï", false)]
    [InlineData("", false)]
    public void Plain_only_where_every_YAML_reader_sees_the_same_string(string value, bool safe)
    {
        Assert.Equal(safe, YamlScalarText.IsSafePlain(value));
        if (safe) Assert.Equal(value, ReadBack(value));
    }

    [Theory]
    [InlineData("one\ntwo\n", "|")]
    [InlineData("one\ntwo", "|-")]
    [InlineData("one\n\ntwo\n\n\n", "|+")]
    [InlineData("\nleading blank line\n", "|")]
    public void Literal_blocks_keep_the_value_exactly(string value, string header)
    {
        var block = YamlScalarText.LiteralBlock(value, 2, "\n")!;

        Assert.StartsWith(header + "\n", block);
        Assert.Equal(value, ReadBack(block));
    }

    [Theory]
    [InlineData(" starts with a space\n")]
    [InlineData("carriage\r\nreturn")]
    [InlineData("control \u0007")]
    [InlineData("")]
    public void Literal_blocks_refuse_what_they_cannot_hold(string value) => Assert.Null(YamlScalarText.LiteralBlock(value, 2, "\n"));
}
