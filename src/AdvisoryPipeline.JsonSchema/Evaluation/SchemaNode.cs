using System.Text.Json;

namespace AdvisoryPipeline.JsonSchema.Evaluation;

/// <summary>
/// A compiled schema (object or boolean). The compiler creates nodes first and fills them in afterwards,
/// because <c>$ref</c> cycles need a node to exist before its keywords do; once compilation ends a node never changes.
/// </summary>
internal sealed class SchemaNode
{
    private Keyword[] _keywords = [];
    private bool _completed;

    public SchemaNode(string? absoluteLocation, SchemaResource resource, bool? booleanValue)
    {
        AbsoluteLocation = absoluteLocation;
        Resource = resource;
        BooleanValue = booleanValue;
    }

    /// <summary>URI of this schema (resource URI + "#" + pointer), or null when the schema has no absolute base.</summary>
    public string? AbsoluteLocation { get; }

    /// <summary>The schema resource this schema belongs to.</summary>
    public SchemaResource Resource { get; }

    /// <summary>True or false for boolean schemas; null for schema objects.</summary>
    public bool? BooleanValue { get; }

    public bool IsFalse => BooleanValue == false;

    public string? Title { get; private set; }

    /// <summary>Whether an unevaluated* keyword here needs annotations from the other keywords.</summary>
    public bool CollectsAnnotations { get; private set; }

    private Keyword? Type { get; set; }

    public void Complete(Keyword[] keywords, string? title)
    {
        if (_completed) throw new InvalidOperationException("A schema node is completed once.");
        _completed = true;
        _keywords = keywords;
        Title = title;
        foreach (var keyword in keywords)
        {
            if (keyword.Name == "type") Type = keyword;
            CollectsAnnotations |= keyword.ReadsSiblingAnnotations;
        }
    }

    /// <summary>Whether this schema object has a <c>type</c> that <paramref name="instance"/> satisfies (best-match heuristic).</summary>
    public bool MatchesOwnType(JsonElement instance) => Type?.AcceptsTypeOf(instance) == true;

    public bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        if (BooleanValue is { } constant) return constant || context.FailFalseSchema(this, instance);
        if (!context.TryEnter(this, instance, out var enteredResource)) return false;

        var local = CollectsAnnotations ? new EvaluatedMembers() : evaluated;
        var valid = true;
        foreach (var keyword in _keywords)
        {
            if (keyword.Evaluate(instance, context, local)) continue;
            valid = false;
            if (!context.CollectsErrors) break;
        }
        if (valid && evaluated is not null && !ReferenceEquals(local, evaluated)) evaluated.MergeFrom(local!);

        context.Exit(this, enteredResource);
        return valid;
    }
}
