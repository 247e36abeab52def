namespace AdvisoryPipeline.JsonSchema;

/// <summary>The outcome of validating one instance: valid, or every error found.</summary>
public sealed record SchemaValidationResult(bool IsValid, IReadOnlyList<SchemaError> Errors)
{
    internal static SchemaValidationResult Valid { get; } = new(true, []);

    /// <summary>
    /// The single error most likely to explain the failure: the shallowest error in the instance,
    /// preferring other keywords over anyOf/oneOf, then descending into anyOf/oneOf alternatives
    /// towards the deepest, most specific error unless the alternatives are equally relevant.
    /// Null when valid.
    /// </summary>
    public SchemaError? BestMatch() => ErrorRelevance.BestOf(Errors);

    /// <summary>Each top-level error replaced by its most relevant descendant (see <see cref="SchemaError.MostRelevant"/>), in order.</summary>
    public IReadOnlyList<SchemaError> BestMatchPerError()
    {
        var result = new SchemaError[Errors.Count];
        for (var i = 0; i < result.Length; i++) result[i] = Errors[i].MostRelevant();
        return result;
    }
}
