using AdvisoryPipeline.Loading.Yaml;

namespace AdvisoryPipeline.Tests.Loading;

/// <summary>Plain scalar resolution by the YAML 1.2 core schema and by YAML 1.1, side by side.</summary>
public class ScalarSchemaTests
{
    [Theory]
    [InlineData("", "Null")]
    [InlineData("~", "Null")]
    [InlineData("null", "Null")]
    [InlineData("Null", "Null")]
    [InlineData("NULL", "Null")]
    [InlineData("nULL", "String")]
    [InlineData("true", "Bool")]
    [InlineData("True", "Bool")]
    [InlineData("FALSE", "Bool")]
    [InlineData("yes", "String")]
    [InlineData("tRUE", "String")]
    [InlineData("0", "Int")]
    [InlineData("-19", "Int")]
    [InlineData("+12", "Int")]
    [InlineData("0o17", "Int")]
    [InlineData("0o18", "String")]
    [InlineData("0x1aF", "Int")]
    [InlineData("-0x1F", "String")]
    [InlineData("1.10", "Float")]
    [InlineData(".5", "Float")]
    [InlineData("1.", "Float")]
    [InlineData("1e3", "Float")]
    [InlineData("-1.5E-3", "Float")]
    [InlineData(".", "String")]
    [InlineData("1e", "String")]
    [InlineData(".inf", "Float")]
    [InlineData("-.Inf", "Float")]
    [InlineData(".NaN", "Float")]
    [InlineData("-.nan", "String")]
    [InlineData("1.2.3", "String")]
    [InlineData("2021-10-11", "String")]
    [InlineData("PyPI", "String")]
    public void Core_schema_resolves_plain_scalars(string text, string type)
    {
        Assert.Equal(type, CoreSchema.Resolve(text).ToString());
    }

    [Theory]
    [InlineData("007", "Int", "7")]
    [InlineData("+12", "Int", "12")]
    [InlineData("-0", "Int", "-0")]
    [InlineData("0o17", "Int", "15")]
    [InlineData("0xFFFFFFFFFFFFFFFFFF", "Int", "4722366482869645213695")]
    [InlineData("1.10", "Float", "1.10")]
    [InlineData(".5", "Float", "0.5")]
    [InlineData("-.5", "Float", "-0.5")]
    [InlineData("1.", "Float", "1")]
    [InlineData("+1.5e+3", "Float", "1.5e+3")]
    [InlineData("00.5", "Float", "0.5")]
    public void Core_numbers_become_valid_JSON_numbers(string text, string type, string json)
    {
        Assert.Equal(json, CoreSchema.ToJsonNumber(text, Enum.Parse<CoreType>(type)));
    }

    [Theory]
    [InlineData(".inf")]
    [InlineData("-.INF")]
    [InlineData(".nan")]
    public void Infinity_and_NaN_have_no_JSON_number(string text)
    {
        Assert.Null(CoreSchema.ToJsonNumber(text, CoreType.Float));
    }

    [Theory]
    [InlineData("y", "Bool")]
    [InlineData("NO", "Bool")]
    [InlineData("Off", "Bool")]
    [InlineData("oN", "String")]
    [InlineData("0b1010_0111", "Int")]
    [InlineData("02472256", "Int")]
    [InlineData("0x_0A_74_AE", "Int")]
    [InlineData("685_230", "Int")]
    [InlineData("190:20:30", "Sexagesimal")]
    [InlineData("1:9", "Sexagesimal")]
    [InlineData("01:9", "String")]
    [InlineData("1:60", "String")]
    [InlineData("190:20:30.15", "Sexagesimal")]
    [InlineData("6.8523015e+5", "Float")]
    [InlineData("685.230_15e+03", "Float")]
    [InlineData("1e3", "String")]
    [InlineData("1.2.3", "String")]
    [InlineData("2001-12-14", "Timestamp")]
    [InlineData("2001-12-14t21:59:43.10-05:00", "Timestamp")]
    [InlineData("2001-12-14 21:59:43.10 -5", "Timestamp")]
    [InlineData("2001-12-15 2:59:43.10", "Timestamp")]
    [InlineData("2001-12-15T02:59:43.1Z", "Timestamp")]
    [InlineData("2001-12-15T02:59:43.1ZZ", "String")]
    [InlineData("10:00", "Sexagesimal")]
    public void YAML11_resolution_follows_the_type_repository(string text, string type)
    {
        Assert.Equal(type, Yaml11Schema.Resolve(text).ToString());
    }

    [Theory]
    [InlineData("0b1010_0111", 167)]
    [InlineData("02472256", 685230)]
    [InlineData("0x_0A_74_AE", 685230)]
    [InlineData("-685_230", -685230)]
    public void YAML11_integers_have_their_YAML11_value(string text, long value)
    {
        Assert.Equal(value, (long)Yaml11Schema.IntValue(text));
    }
}
