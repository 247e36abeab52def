namespace AdvisoryPipeline.JsonSchema.Evaluation;

/// <summary>
/// A schema resource (a document or a subschema with <c>$id</c>) as seen at evaluation time:
/// its URI and the <c>$dynamicAnchor</c>s it declares, which <c>$dynamicRef</c> looks up along the dynamic scope.
/// </summary>
internal sealed class SchemaResource(string uri)
{
    private IReadOnlyDictionary<string, SchemaNode> _dynamicAnchors = new Dictionary<string, SchemaNode>();

    public string Uri { get; } = uri;

    public IReadOnlyDictionary<string, SchemaNode> DynamicAnchors => _dynamicAnchors;

    /// <summary>Set by the compiler once every anchor's node exists; never changed afterwards.</summary>
    internal void SetDynamicAnchors(IReadOnlyDictionary<string, SchemaNode> anchors) => _dynamicAnchors = anchors;
}
