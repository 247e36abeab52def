using System.Text.Json;

namespace AdvisoryPipeline.JsonSchema.Compilation;

/// <summary>
/// A JSON document that holds schemas, with the URI it was retrieved from (empty when it has none). The root is
/// always a standalone clone, so compiled keywords may keep elements of it (enum and const values).
/// </summary>
internal sealed class SchemaDocument(string uri, JsonElement root)
{
    public string Uri { get; } = uri;

    public JsonElement Root { get; } = root;
}

/// <summary>A place in a schema document: the identity of a subschema during compilation.</summary>
internal readonly record struct SchemaLocation(SchemaDocument Document, string Pointer)
{
    public JsonElement Element => JsonPointer.TryNavigate(Document.Root, Pointer, out var element)
        ? element
        : throw new InvalidOperationException("Locations are only created for existing elements.");

    public SchemaLocation Child(string keyword) => new(Document, JsonPointer.Append(Pointer, keyword));

    public SchemaLocation Child(string keyword, string member) => Child(keyword).Child(member);

    public SchemaLocation Child(string keyword, int index) => new(Document, JsonPointer.Append(JsonPointer.Append(Pointer, keyword), index));
}

/// <summary>A schema resource found by scanning: a document root or a subschema with <c>$id</c>.</summary>
internal sealed class ResourceScope(string uri, SchemaLocation root, Vocabularies vocabularies)
{
    public string Uri { get; } = uri;

    public SchemaLocation Root { get; } = root;

    public Vocabularies Vocabularies { get; } = vocabularies;

    public Dictionary<string, SchemaLocation> DynamicAnchors { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether <see cref="Uri"/> is absolute, so that keyword locations can be given as URIs.</summary>
    public bool HasAbsoluteUri { get; } = UriReference.HasScheme(uri);

    /// <summary>"uri#/pointer" (or "#/pointer" without an absolute URI) of a location inside this resource.</summary>
    public string Describe(SchemaLocation location)
    {
        var pointer = location.Document == Root.Document && location.Pointer.StartsWith(Root.Pointer, StringComparison.Ordinal)
            ? location.Pointer[Root.Pointer.Length..]
            : location.Pointer;
        return (HasAbsoluteUri ? Uri : "") + "#" + pointer;
    }
}

/// <summary>
/// Every schema resource and anchor known to one compilation, found by scanning documents for <c>$id</c>,
/// <c>$anchor</c> and <c>$dynamicAnchor</c> in the keywords that hold subschemas (never inside enum, const or
/// unknown keywords). Documents come from the compiled schema, the embedded meta-schemas and the resolver.
/// </summary>
internal sealed class SchemaRegistry(ISchemaResolver? resolver)
{
    private static readonly HashSet<string> SingleSchemaKeywords = new(StringComparer.Ordinal)
    {
        "additionalProperties", "items", "contains", "propertyNames", "if", "then", "else", "not",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    };

    private static readonly HashSet<string> SchemaArrayKeywords = new(StringComparer.Ordinal) { "allOf", "anyOf", "oneOf", "prefixItems" };

    private static readonly HashSet<string> SchemaMapKeywords = new(StringComparer.Ordinal) { "$defs", "properties", "patternProperties", "dependentSchemas", "dependencies" };

    private readonly Dictionary<string, ResourceScope> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaLocation> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<SchemaLocation, ResourceScope> _scopes = [];

    public SchemaDocument AddDocument(string uri, JsonElement root)
    {
        var document = new SchemaDocument(uri, root);
        var location = new SchemaLocation(document, "");
        var scope = new ResourceScope(uri, location, VocabulariesDeclaredBy(root, uri, Vocabularies.Standard, location));
        _resources.TryAdd(uri, scope);
        Scan(root, location, scope);
        return document;
    }

    /// <summary>The resource a location belongs to (the nearest enclosing scanned subschema's resource).</summary>
    public ResourceScope ScopeOf(SchemaLocation location)
    {
        var pointer = location.Pointer;
        while (true)
        {
            if (_scopes.TryGetValue(location with { Pointer = pointer }, out var scope)) return scope;
            var slash = pointer.LastIndexOf('/');
            if (slash < 0) throw new InvalidOperationException("Every document root is scanned.");
            pointer = pointer[..slash];
        }
    }

    /// <summary>The location an absolute reference (URI with optional fragment) points to; loads documents as needed.</summary>
    public SchemaLocation Resolve(string reference, string referrer)
    {
        var (resourceUri, fragment) = UriReference.SplitFragment(reference);
        if (!_resources.TryGetValue(resourceUri, out var scope))
        {
            LoadDocument(resourceUri, reference, referrer);
            scope = _resources[resourceUri];
        }
        if (string.IsNullOrEmpty(fragment)) return scope.Root;

        var decoded = Uri.UnescapeDataString(fragment);
        if (decoded.StartsWith('/'))
        {
            var target = new SchemaLocation(scope.Root.Document, scope.Root.Pointer + decoded);
            if (!JsonPointer.TryNavigate(target.Document.Root, target.Pointer, out _))
                throw Error(referrer, $"the reference \"{reference}\" points to nothing: there is no \"{decoded}\" in {Name(resourceUri)}");
            return target;
        }
        if (_anchors.TryGetValue(resourceUri + "#" + decoded, out var anchored)) return anchored;
        throw Error(referrer, $"the reference \"{reference}\" names the anchor \"{decoded}\", which {Name(resourceUri)} does not declare");
    }

    private void LoadDocument(string resourceUri, string reference, string referrer)
    {
        if (MetaSchemaStore.TryGet(resourceUri, out var document) || TryResolveExternally(resourceUri, out document))
        {
            AddDocument(resourceUri, document);
            return;
        }
        throw Error(referrer,
            $"cannot resolve the reference \"{reference}\": no schema with URI \"{resourceUri}\" is known " +
            "(references are never fetched from the network; provide the document through SchemaOptions.Resolver)");
    }

    private bool TryResolveExternally(string uri, out JsonElement document)
    {
        document = default;
        if (resolver is null || !System.Uri.TryCreate(uri, UriKind.Absolute, out var absolute)) return false;
        if (!resolver.TryResolve(absolute, out var found)) return false;
        document = found.Clone();
        return true;
    }

    private void Scan(JsonElement element, SchemaLocation location, ResourceScope scope)
    {
        if (element.ValueKind == JsonValueKind.True || element.ValueKind == JsonValueKind.False)
        {
            _scopes.TryAdd(location, scope);
            return;
        }
        if (element.ValueKind != JsonValueKind.Object) return;

        if (element.TryGetProperty("$id", out var id) && id.ValueKind == JsonValueKind.String)
            scope = EnterResource(id.GetString()!, element, location, scope);
        _scopes.TryAdd(location, scope);

        if (element.TryGetProperty("$anchor", out var anchor) && anchor.ValueKind == JsonValueKind.String)
            _anchors[scope.Uri + "#" + anchor.GetString()] = location;
        if (element.TryGetProperty("$dynamicAnchor", out var dynamicAnchor) && dynamicAnchor.ValueKind == JsonValueKind.String)
        {
            _anchors.TryAdd(scope.Uri + "#" + dynamicAnchor.GetString(), location);
            scope.DynamicAnchors.TryAdd(dynamicAnchor.GetString()!, location);
        }

        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (SingleSchemaKeywords.Contains(name))
            {
                Scan(property.Value, location.Child(name), scope);
            }
            else if (SchemaArrayKeywords.Contains(name) && property.Value.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in property.Value.EnumerateArray()) Scan(item, location.Child(name, index++), scope);
            }
            else if (SchemaMapKeywords.Contains(name) && property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var member in property.Value.EnumerateObject()) Scan(member.Value, location.Child(name, member.Name), scope);
            }
        }
    }

    private ResourceScope EnterResource(string id, JsonElement element, SchemaLocation location, ResourceScope parent)
    {
        var (idWithoutFragment, fragment) = UriReference.SplitFragment(id);
        if (!string.IsNullOrEmpty(fragment))
            throw Error(parent.Describe(location.Child("$id")), $"\"$id\" must not contain a fragment, found \"{id}\" (use \"$anchor\" to name a subschema)");
        var uri = UriReference.Resolve(parent.Uri, idWithoutFragment);
        var scope = new ResourceScope(uri, location, VocabulariesDeclaredBy(element, uri, parent.Vocabularies, location));
        _resources.TryAdd(uri, scope);
        // A document's own $id replaces the URI it was retrieved under as the base, but both must find it.
        if (location.Pointer.Length == 0) _resources[location.Document.Uri] = scope;
        return scope;
    }

    /// <summary>The vocabularies of a resource: those its <c>$schema</c> meta-schema declares, else the enclosing resource's.</summary>
    private Vocabularies VocabulariesDeclaredBy(JsonElement resourceRoot, string resourceUri, Vocabularies inherited, SchemaLocation location)
    {
        if (resourceRoot.ValueKind != JsonValueKind.Object || !resourceRoot.TryGetProperty("$schema", out var schema)
            || schema.ValueKind != JsonValueKind.String)
            return inherited;
        var metaSchemaUri = UriReference.SplitFragment(schema.GetString()!).Resource;
        if (VocabularyUris.IsStandardMetaSchema(metaSchemaUri)) return Vocabularies.Standard;

        var where = "#" + location.Pointer + "/$schema";
        if (!UriReference.HasScheme(metaSchemaUri))
            throw Error(where, $"\"$schema\" must be an absolute URI, found \"{schema.GetString()}\"");
        if (metaSchemaUri == resourceUri) return VocabulariesListedIn(resourceRoot, metaSchemaUri, where);
        var metaSchema = Resolve(metaSchemaUri, where).Element;
        return VocabulariesListedIn(metaSchema, metaSchemaUri, where);
    }

    private static Vocabularies VocabulariesListedIn(JsonElement metaSchema, string metaSchemaUri, string where)
    {
        if (metaSchema.ValueKind != JsonValueKind.Object || !metaSchema.TryGetProperty("$vocabulary", out var listed)
            || listed.ValueKind != JsonValueKind.Object)
            return Vocabularies.Standard;
        var result = Vocabularies.Core;
        foreach (var entry in listed.EnumerateObject())
        {
            if (VocabularyUris.TryGet(entry.Name, out var known)) result |= known;
            else if (entry.Value.ValueKind == JsonValueKind.True)
                throw Error(where, $"the meta-schema \"{metaSchemaUri}\" requires the vocabulary \"{entry.Name}\", which this validator does not implement");
        }
        return result;
    }

    private static string Name(string resourceUri) => resourceUri.Length == 0 ? "the schema" : $"\"{resourceUri}\"";

    public static SchemaCompileException Error(string where, string what) =>
        new($"Invalid schema at {where}: {what}") { SchemaLocation = where };
}
