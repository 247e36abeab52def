using System.Globalization;
using AdvisoryPipeline.JsonSchema.Evaluation;

namespace AdvisoryPipeline.JsonSchema;

/// <summary>
/// Chooses the error most likely to explain a failure. Among top-level errors the shallowest in the instance
/// wins, and anyOf/oneOf (weak: they only say "none of these matched") lose to other keywords at the same place.
/// Inside an anyOf/oneOf the opposite holds: the deepest error of the alternatives is the most specific one,
/// alternatives whose <c>type</c> matches the instance are preferred, and when the two best candidates are
/// equally relevant the anyOf/oneOf error itself is kept, since picking one would be a guess.
/// This follows the heuristic of Python jsonschema's best_match, so both tools point maintainers at the same problem.
/// </summary>
internal static class ErrorRelevance
{
    public static SchemaError? BestOf(IReadOnlyList<SchemaError> errors)
    {
        if (errors.Count == 0) return null;
        var best = errors[0];
        for (var i = 1; i < errors.Count; i++)
            if (Compare(errors[i], best) > 0) best = errors[i];
        return Descend(best);
    }

    /// <summary>Follows anyOf/oneOf contexts down to the most relevant leaf, stopping where the choice is ambiguous.</summary>
    public static SchemaError Descend(SchemaError error)
    {
        while (error.Context.Count > 0)
        {
            // The least "relevant" by the top-level order is the deepest, most specific error of the alternatives.
            SchemaError? first = null, second = null;
            foreach (var candidate in error.Context)
            {
                if (first is null || Compare(candidate, first) < 0) { second = first; first = candidate; }
                else if (second is null || Compare(candidate, second) < 0) second = candidate;
            }
            if (second is not null && Compare(first!, second) == 0) return error;
            error = first!;
        }
        return error;
    }

    /// <summary>
    /// Positive when <paramref name="a"/> is more relevant as a top-level error: shallower in the instance, later
    /// sibling, not weak, and (at equal rank) the instance not matching the schema's type.
    /// </summary>
    private static int Compare(SchemaError a, SchemaError b)
    {
        var pathA = Tokens(a.InstanceLocation);
        var pathB = Tokens(b.InstanceLocation);
        if (pathA.Length != pathB.Length) return pathB.Length.CompareTo(pathA.Length);
        for (var i = 0; i < pathA.Length; i++)
        {
            var token = CompareTokens(pathA[i], pathB[i]);
            if (token != 0) return token;
        }
        var weak = IsWeak(b).CompareTo(IsWeak(a));
        if (weak != 0) return weak;
        return b.MatchesSchemaType.CompareTo(a.MatchesSchemaType);
    }

    private static bool IsWeak(SchemaError error) => error.Keyword is "anyOf" or "oneOf";

    private static string[] Tokens(string pointer) => pointer.Length == 0 ? [] : pointer[1..].Split('/');

    private static int CompareTokens(string a, string b)
    {
        if (int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var x)
            && int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            return x.CompareTo(y);
        return string.CompareOrdinal(a, b);
    }
}
