using System.Text.Json;
using System.Text.RegularExpressions;
using AdvisoryPipeline.JsonSchema.Evaluation;
using AdvisoryPipeline.JsonSchema.Patterns;

namespace AdvisoryPipeline.JsonSchema.Compilation;

/// <summary>
/// Turns schema documents into the <see cref="SchemaNode"/> graph. Nodes are created on first reference and
/// completed from a work queue, so reference cycles and deep schemas need no recursion in the compiler.
/// </summary>
internal sealed class SchemaCompiler
{
    private readonly SchemaRegistry _registry;
    private readonly SchemaOptions _options;
    private readonly Dictionary<SchemaLocation, SchemaNode> _nodes = [];
    private readonly Queue<(SchemaNode Node, SchemaLocation Location)> _pending = new();
    private readonly Dictionary<ResourceScope, SchemaResource> _resources = [];
    private readonly Dictionary<string, Regex> _regexes = new(StringComparer.Ordinal);

    private SchemaCompiler(SchemaOptions options)
    {
        _options = options;
        _registry = new SchemaRegistry(options.Resolver, options.DefaultDialect);
    }

    /// <summary>Set when a <c>$dynamicRef</c> may resolve dynamically: evaluation must then track the dynamic scope.</summary>
    public bool UsesDynamicScope { get; set; }

    public SchemaRegistry Registry => _registry;

    public SchemaOptions Options => _options;

    public static (SchemaNode Root, bool UsesDynamicScope) Compile(JsonElement schema, SchemaOptions options)
    {
        var compiler = new SchemaCompiler(options);
        var baseUri = options.BaseUri switch
        {
            null => "",
            { IsAbsoluteUri: true } absolute => absolute.AbsoluteUri,
            var relative => relative.OriginalString,
        };
        var document = compiler._registry.AddDocument(UriReference.SplitFragment(baseUri).Resource, schema.Clone());
        var root = compiler.NodeFor(new SchemaLocation(document, ""));
        compiler.CompletePendingNodes();
        return (root, compiler.UsesDynamicScope);
    }

    /// <summary>The node for a subschema location, created (and queued for completion) on first request.</summary>
    public SchemaNode NodeFor(SchemaLocation location)
    {
        if (_nodes.TryGetValue(location, out var existing)) return existing;
        var element = location.Element;
        var scope = _registry.ScopeOf(location);
        var absolute = scope.HasAbsoluteUri ? scope.Describe(location) : null;
        SchemaNode node;
        switch (element.ValueKind)
        {
            case JsonValueKind.True or JsonValueKind.False:
                node = new SchemaNode(absolute, ResourceFor(scope), element.ValueKind == JsonValueKind.True);
                break;
            case JsonValueKind.Object:
                node = new SchemaNode(absolute, ResourceFor(scope), null);
                _pending.Enqueue((node, location));
                break;
            default:
                throw SchemaRegistry.Error(scope.Describe(location), $"a schema must be an object or a boolean, found {element.ValueKind.ToString().ToLowerInvariant()}");
        }
        _nodes[location] = node;
        return node;
    }

    /// <summary>A compiled ECMA-262 pattern, shared by every keyword that uses the same source.</summary>
    public Regex PatternFor(string source, string where)
    {
        if (_regexes.TryGetValue(source, out var cached)) return cached;
        var options = _options.CompileRegexes ? RegexOptions.Compiled : RegexOptions.None;
        if (!EcmaRegex.TryCreate(source, options, out var regex, out var error))
            throw SchemaRegistry.Error(where, $"\"{source}\" is not a valid ECMA-262 regular expression: {error}");
        _regexes[source] = regex!;
        return regex!;
    }

    public string Describe(SchemaLocation location) => _registry.ScopeOf(location).Describe(location);

    private SchemaResource ResourceFor(ResourceScope scope)
    {
        if (!_resources.TryGetValue(scope, out var resource))
            _resources[scope] = resource = new SchemaResource(scope.Uri);
        return resource;
    }

    private void CompletePendingNodes()
    {
        var anchorsSet = new HashSet<ResourceScope>();
        do
        {
            while (_pending.TryDequeue(out var work))
                new KeywordBuilder(this, work.Node, work.Location, _registry.ScopeOf(work.Location)).Build();
            // $dynamicRef can land on any $dynamicAnchor of any resource in the dynamic scope, so all need nodes.
            if (!UsesDynamicScope) return;
            foreach (var (scope, resource) in _resources.ToList())
            {
                if (!anchorsSet.Add(scope)) continue;
                var anchors = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
                foreach (var (name, location) in scope.DynamicAnchors) anchors[name] = NodeFor(location);
                resource.SetDynamicAnchors(anchors);
            }
        }
        while (_pending.Count > 0 || anchorsSet.Count < _resources.Count);
    }
}
