using System.Collections.Frozen;

namespace AdvisoryPipeline.Loading;

/// <summary>
/// One position of an <see cref="IScalarShape"/>. A null child means "no expectation below": free-form
/// objects like <c>database_specific</c> and keys the shape does not know.
/// </summary>
public sealed class ShapeNode
{
    private readonly FrozenDictionary<string, ShapeNode> _properties;
    private readonly ShapeNode? _any;

    private ShapeNode(string expectedBy, bool expectsString, FrozenDictionary<string, ShapeNode> properties, ShapeNode? any)
    {
        ExpectedBy = expectedBy;
        ExpectsString = expectsString;
        _properties = properties;
        _any = any;
    }

    /// <summary>Who expects the strings, as messages name it: "OSV", "database.yaml".</summary>
    public string ExpectedBy { get; }

    public bool ExpectsString { get; }

    public ShapeNode? Property(string key) => _properties.GetValueOrDefault(key) ?? _any;

    public ShapeNode? Item => _any;

    /// <summary>
    /// Builds a shape from the paths of string positions, with segments separated by '/' and '*' standing
    /// for any sequence item or any key: <c>affected/*/ranges/*/events/*/fixed</c>.
    /// </summary>
    public static ShapeNode FromStringPaths(string expectedBy, IEnumerable<string> paths)
    {
        var root = new Draft();
        foreach (var path in paths)
        {
            var draft = root;
            foreach (var segment in path.Split('/'))
                draft = draft.Child(segment);
            draft.ExpectsString = true;
        }
        return root.Build(expectedBy);
    }

    private sealed class Draft
    {
        public Dictionary<string, Draft> Properties { get; } = new(StringComparer.Ordinal);
        public Draft? Any { get; set; }
        public bool ExpectsString { get; set; }

        public Draft Child(string segment)
        {
            if (segment == "*") return Any ??= new Draft();
            if (!Properties.TryGetValue(segment, out var child)) Properties[segment] = child = new Draft();
            return child;
        }

        public ShapeNode Build(string expectedBy) => new(
            expectedBy,
            ExpectsString,
            Properties.ToFrozenDictionary(p => p.Key, p => p.Value.Build(expectedBy), StringComparer.Ordinal),
            Any?.Build(expectedBy));
    }
}
