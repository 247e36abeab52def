using AdvisoryPipeline.JsonSchema.Evaluation;

namespace AdvisoryPipeline.JsonSchema;

/// <summary>One reason why an instance does not conform to a schema.</summary>
/// <param name="InstanceLocation">JSON pointer to the offending value in the instance, e.g. <c>/affected/0/ranges/1</c>.</param>
/// <param name="Keyword">The schema keyword that failed (<c>required</c>, <c>pattern</c>, <c>oneOf</c>...); <c>false</c> for a false schema.</param>
/// <param name="KeywordLocation">The evaluation path to the keyword, through <c>$ref</c>s, as a JSON pointer.</param>
/// <param name="AbsoluteKeywordLocation">The keyword's absolute URI, or null when the schema has no absolute base URI.</param>
/// <param name="Message">One human line saying what is wrong.</param>
/// <param name="SchemaTitle">The <c>title</c> of the innermost schema on the evaluation path that has one.</param>
/// <param name="Context">For anyOf/oneOf failures: the errors of every alternative; empty otherwise.</param>
public sealed record SchemaError(
    string InstanceLocation,
    string Keyword,
    string KeywordLocation,
    string? AbsoluteKeywordLocation,
    string Message,
    string? SchemaTitle,
    IReadOnlyList<SchemaError> Context)
{
    /// <summary>Whether the instance matches the <c>type</c> of the schema object holding the keyword (best-match heuristic).</summary>
    internal bool MatchesSchemaType { get; init; }

    /// <summary>The most relevant error within this one: descends anyOf/oneOf contexts (see <see cref="SchemaValidationResult.BestMatch"/>).</summary>
    public SchemaError MostRelevant() => ErrorRelevance.Descend(this);

    public override string ToString() =>
        (InstanceLocation.Length == 0 ? "(root)" : InstanceLocation) + ": " + Message;
}
