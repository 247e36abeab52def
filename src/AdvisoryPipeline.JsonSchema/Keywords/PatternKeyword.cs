using System.Text.Json;
using System.Text.RegularExpressions;
using AdvisoryPipeline.JsonSchema.Evaluation;
using AdvisoryPipeline.JsonSchema.Json;

namespace AdvisoryPipeline.JsonSchema.Keywords;

/// <summary><c>pattern</c>: an ECMA-262 regular expression (translated at compile time) found anywhere in the string.</summary>
internal sealed class PatternKeyword(SchemaNode owner, Regex regex, string source) : Keyword(owner, "pattern")
{
    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.String) return true;
        bool matches;
        Span<char> scratch = stackalloc char[256];
        using (var text = JsonStringChars.Of(instance, scratch))
            matches = regex.IsMatch(text.Span);
        return matches || (context.CollectsErrors && context.Fail(this, instance, $"{JsonValueText.Preview(instance)} does not match {source}"));
    }
}

/// <summary><c>format</c> as an assertion (only compiled when formats are asserted and the format is known).</summary>
internal sealed class FormatKeyword(SchemaNode owner, string format, Func<string, bool> isValid) : Keyword(owner, "format")
{
    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.String || isValid(instance.GetString()!)) return true;
        return context.CollectsErrors && context.Fail(this, instance, $"{JsonValueText.Preview(instance)} is not a valid {format}");
    }
}
