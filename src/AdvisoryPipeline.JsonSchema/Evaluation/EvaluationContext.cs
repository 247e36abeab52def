using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using AdvisoryPipeline.JsonSchema.Json;

namespace AdvisoryPipeline.JsonSchema.Evaluation;

/// <summary>
/// The mutable state of one validation: where we are in the instance and in the schema, the dynamic scope,
/// and where errors go. One per call (reused per thread), never shared between threads.
/// </summary>
internal sealed class EvaluationContext
{
    /// <summary>
    /// Nesting limit for schema evaluation: reached by a <c>$ref</c> loop that never moves into the instance, or by
    /// an instance nested hundreds of levels deep; either fails validation instead of overflowing the stack.
    /// </summary>
    public const int MaxDepth = 1000;

    /// <summary>Below this depth the stack is certainly large enough; probing it on every node would double the cost.</summary>
    private const int StackCheckDepth = 128;

    [ThreadStatic] private static EvaluationContext? t_spare;

    private string[] _keywordPath = new string[64];
    private int _keywordDepth;
    private InstanceSegment[] _instancePath = new InstanceSegment[32];
    private int _instanceDepth;
    private SchemaResource[] _dynamicScope = new SchemaResource[16];
    private int _dynamicScopeDepth;
    private string[] _titles = new string[16];
    private int _titleDepth;
    private int _depth;

    /// <summary>Where errors go; null while only validity matters (fast path, or probing an anyOf branch).</summary>
    public List<SchemaError>? Errors { get; set; }

    public bool CollectsErrors => Errors is not null;

    /// <summary>Whether nodes record the schema resources they enter (only needed for <c>$dynamicRef</c>).</summary>
    public bool TracksDynamicScope { get; private set; }

    public static EvaluationContext Rent(bool tracksDynamicScope, List<SchemaError>? errors)
    {
        var context = t_spare ?? new EvaluationContext();
        t_spare = null;
        context.TracksDynamicScope = tracksDynamicScope;
        context.Errors = errors;
        return context;
    }

    public static void Return(EvaluationContext context)
    {
        context._keywordDepth = context._instanceDepth = context._dynamicScopeDepth = context._titleDepth = context._depth = 0;
        context.Errors = null;
        // Drop references to the last instance and schema resources so that the per-thread spare keeps nothing alive.
        Array.Clear(context._dynamicScope);
        Array.Clear(context._instancePath);
        t_spare = context;
    }

    public void PushKeyword(string segment)
    {
        if (_keywordDepth == _keywordPath.Length) Array.Resize(ref _keywordPath, _keywordDepth * 2);
        _keywordPath[_keywordDepth++] = segment;
    }

    public void PopKeyword() => _keywordDepth--;

    public void PushInstance(InstanceSegment segment)
    {
        if (_instanceDepth == _instancePath.Length) Array.Resize(ref _instancePath, _instanceDepth * 2);
        _instancePath[_instanceDepth++] = segment;
    }

    public void PopInstance() => _instanceDepth--;

    /// <summary>Enters a schema object; false (with an error) when nesting is too deep to continue safely.</summary>
    public bool TryEnter(SchemaNode node, JsonElement instance, out bool enteredResource)
    {
        enteredResource = false;
        if (++_depth > StackCheckDepth && (_depth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            _depth--;
            if (CollectsErrors)
                AddError("$ref", node, instance,
                    $"schema evaluation is nested more than {MaxDepth} levels deep: the schema has a $ref loop that never moves into the instance, or the instance is extremely deep",
                    "", []);
            return false;
        }
        if (TracksDynamicScope && (_dynamicScopeDepth == 0 || !ReferenceEquals(_dynamicScope[_dynamicScopeDepth - 1], node.Resource)))
        {
            if (_dynamicScopeDepth == _dynamicScope.Length) Array.Resize(ref _dynamicScope, _dynamicScopeDepth * 2);
            _dynamicScope[_dynamicScopeDepth++] = node.Resource;
            enteredResource = true;
        }
        if (node.Title is not null)
        {
            if (_titleDepth == _titles.Length) Array.Resize(ref _titles, _titleDepth * 2);
            _titles[_titleDepth++] = node.Title;
        }
        return true;
    }

    public void Exit(SchemaNode node, bool enteredResource)
    {
        _depth--;
        if (enteredResource) _dynamicScopeDepth--;
        if (node.Title is not null) _titleDepth--;
    }

    /// <summary>The outermost resource in the dynamic scope that declares <c>$dynamicAnchor</c> <paramref name="name"/>.</summary>
    public SchemaNode? FindOutermostDynamicAnchor(string name)
    {
        for (var i = 0; i < _dynamicScopeDepth; i++)
            if (_dynamicScope[i].DynamicAnchors.TryGetValue(name, out var node))
                return node;
        return null;
    }

    /// <summary>
    /// Records an error of <paramref name="keyword"/> (when collecting) and returns false. <paramref name="segment"/>
    /// replaces the keyword's own "/name" in the keyword location when the error is about one of its members.
    /// </summary>
    public bool Fail(Keyword keyword, JsonElement instance, string message, string? segment = null, IReadOnlyList<SchemaError>? context = null)
    {
        if (CollectsErrors) AddError(keyword.Name, keyword.Owner, instance, message, segment ?? keyword.Segment, context ?? []);
        return false;
    }

    /// <summary>Error of a <c>false</c> schema reached without a keyword that explains it better.</summary>
    public bool FailFalseSchema(SchemaNode node, JsonElement instance)
    {
        if (CollectsErrors) AddError("false", node, instance, "no value is allowed here (the schema is false)", "", []);
        return false;
    }

    /// <summary>Evaluates <paramref name="schema"/> on the same instance for validity only: errors are not recorded.</summary>
    public bool Probe(SchemaNode schema, string segment, JsonElement instance, EvaluatedMembers? evaluated) =>
        ApplyReportingTo(null, schema, segment, instance, evaluated);

    /// <summary>
    /// Evaluates <paramref name="schema"/> on the same instance with its errors going to <paramref name="errors"/>
    /// (null: not recorded), for alternatives whose errors only matter if they all fail.
    /// </summary>
    public bool ApplyReportingTo(List<SchemaError>? errors, SchemaNode schema, string segment, JsonElement instance, EvaluatedMembers? evaluated)
    {
        var outer = Errors;
        Errors = errors;
        var valid = Apply(schema, segment, instance, evaluated);
        Errors = outer;
        return valid;
    }

    /// <summary>Evaluates <paramref name="schema"/> on the same instance, recording errors as usual.</summary>
    public bool Apply(SchemaNode schema, string segment, JsonElement instance, EvaluatedMembers? evaluated)
    {
        PushKeyword(segment);
        var valid = schema.Evaluate(instance, this, evaluated);
        PopKeyword();
        return valid;
    }

    /// <summary>Evaluates <paramref name="schema"/> on a property value; a false schema reports the property as not allowed.</summary>
    public bool ApplyToProperty(Keyword keyword, SchemaNode schema, string segment, JsonProperty property)
    {
        PushInstance(InstanceSegment.Of(property));
        bool valid;
        if (schema.IsFalse)
        {
            valid = CollectsErrors && Fail(keyword, property.Value, $"property {JsonValueText.Quote(property.Name)} is not allowed", segment);
        }
        else
        {
            PushKeyword(segment);
            valid = schema.Evaluate(property.Value, this, null);
            PopKeyword();
        }
        PopInstance();
        return valid;
    }

    /// <summary>Evaluates <paramref name="schema"/> on an array item; a false schema reports the item as not allowed.</summary>
    public bool ApplyToItem(Keyword keyword, SchemaNode schema, string segment, JsonElement item, int index)
    {
        PushInstance(InstanceSegment.Of(index));
        bool valid;
        if (schema.IsFalse)
        {
            valid = CollectsErrors && Fail(keyword, item, $"item {index} is not allowed", segment);
        }
        else
        {
            PushKeyword(segment);
            valid = schema.Evaluate(item, this, null);
            PopKeyword();
        }
        PopInstance();
        return valid;
    }

    public string InstanceLocation()
    {
        if (_instanceDepth == 0) return "";
        var sb = new StringBuilder();
        for (var i = 0; i < _instanceDepth; i++) sb.Append(_instancePath[i].ToPointerSegment());
        return sb.ToString();
    }

    private void AddError(string keyword, SchemaNode node, JsonElement instance, string message, string segment, IReadOnlyList<SchemaError> context)
    {
        var path = string.Concat(_keywordPath.AsSpan(0, _keywordDepth));
        Errors!.Add(new SchemaError(
            InstanceLocation(),
            keyword,
            path + segment,
            node.AbsoluteLocation is null ? null : node.AbsoluteLocation + segment,
            message,
            _titleDepth > 0 ? _titles[_titleDepth - 1] : null,
            context)
        {
            MatchesSchemaType = node.MatchesOwnType(instance),
        });
    }
}
