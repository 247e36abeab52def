using System.Text.Json;

namespace AdvisoryPipeline.JsonSchema.Evaluation;

/// <summary>One compiled keyword of a schema object. Immutable; safe to evaluate from many threads at once.</summary>
internal abstract class Keyword
{
    protected Keyword(SchemaNode owner, string name)
    {
        Owner = owner;
        Name = name;
        Segment = "/" + JsonPointer.Escape(name);
        AbsoluteLocation = owner.AbsoluteLocation is null ? null : owner.AbsoluteLocation + Segment;
    }

    /// <summary>The schema object this keyword belongs to.</summary>
    public SchemaNode Owner { get; }

    public string Name { get; }

    /// <summary>"/name", the JSON pointer segment of this keyword in evaluation paths.</summary>
    public string Segment { get; }

    public string? AbsoluteLocation { get; }

    /// <summary>Keywords that read annotations of their siblings (unevaluated*) must run after all others.</summary>
    public virtual bool ReadsSiblingAnnotations => false;

    /// <summary>
    /// For <c>type</c>: whether the instance is of a type it allows (the best-match heuristic asks the schema object);
    /// null for every other keyword.
    /// </summary>
    public virtual bool? AcceptsTypeOf(JsonElement instance) => null;

    /// <summary>
    /// Applies the keyword to <paramref name="instance"/>. <paramref name="evaluated"/> is non-null when an
    /// enclosing unevaluated* keyword needs to know which members this keyword evaluated.
    /// </summary>
    public abstract bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated);

    /// <summary>A child segment "/name/child" precomputed for evaluation paths.</summary>
    protected string ChildSegment(string child) => Segment + "/" + JsonPointer.Escape(child);

    protected string ChildSegment(int index) => JsonPointer.Append(Segment, index);
}
