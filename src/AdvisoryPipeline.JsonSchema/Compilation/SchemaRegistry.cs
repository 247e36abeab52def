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

/// <summary>The draft a resource is read with, and (for 2020-12) the vocabularies its meta-schema declares.</summary>
internal readonly record struct ResourceDialect(SchemaDialect Dialect, Vocabularies Vocabularies)
{
    public static ResourceDialect Of(SchemaDialect dialect) => dialect == SchemaDialect.Draft7
        ? new(dialect, Vocabularies.Standard & ~Vocabularies.Unevaluated)
        : new(dialect, Vocabularies.Standard);
}

/// <summary>A schema resource found by scanning: a document root or a subschema with <c>$id</c>.</summary>
internal sealed class ResourceScope(string uri, SchemaLocation root, ResourceDialect dialect)
{
    public string Uri { get; } = uri;

    public SchemaLocation Root { get; } = root;

    public SchemaDialect Dialect { get; } = dialect.Dialect;

    public Vocabularies Vocabularies { get; } = dialect.Vocabularies;

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
internal sealed class SchemaRegistry(ISchemaResolver? resolver, SchemaDialect defaultDialect)
{
    /// <summary>The keywords whose values are subschemas in one dialect: one schema, an array of them, a map of them.</summary>
    private sealed record SubschemaKeywords(HashSet<string> Single, HashSet<string> Array, HashSet<string> Map);

    private static readonly SubschemaKeywords Keywords2020_12 = new(
        new(StringComparer.Ordinal)
        {
            "additionalProperties", "items", "contains", "propertyNames", "if", "then", "else", "not",
            "unevaluatedItems", "unevaluatedProperties", "contentSchema",
        },
        new(StringComparer.Ordinal) { "allOf", "anyOf", "oneOf", "prefixItems" },
        new(StringComparer.Ordinal) { "$defs", "properties", "patternProperties", "dependentSchemas", "dependencies" });

    // Draft-07's "items" is a schema or an array of schemas; "definitions" is where its subschemas live.
    private static readonly SubschemaKeywords KeywordsDraft7 = new(
        new(StringComparer.Ordinal) { "additionalProperties", "additionalItems", "items", "contains", "propertyNames", "if", "then", "else", "not" },
        new(StringComparer.Ordinal) { "allOf", "anyOf", "oneOf", "items" },
        new(StringComparer.Ordinal) { "definitions", "properties", "patternProperties", "dependencies" });

    private readonly Dictionary<string, ResourceScope> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaLocation> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<SchemaLocation, ResourceScope> _scopes = [];

    public SchemaDocument AddDocument(string uri, JsonElement root)
    {
        var document = new SchemaDocument(uri, root);
        var location = new SchemaLocation(document, "");
        var scope = new ResourceScope(uri, location, DialectDeclaredBy(root, uri, ResourceDialect.Of(defaultDialect), location));
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

        var draft7 = scope.Dialect == SchemaDialect.Draft7;
        // Draft-07 ignores every keyword beside "$ref", "$id" included: it must not change the base URI.
        var idIgnored = draft7 && element.TryGetProperty("$ref", out _);
        if (!idIgnored && element.TryGetProperty("$id", out var id) && id.ValueKind == JsonValueKind.String)
            scope = draft7 ? EnterDraft7Identifier(id.GetString()!, element, location, scope) : EnterResource(id.GetString()!, element, location, scope);
        _scopes.TryAdd(location, scope);

        if (!draft7 && element.TryGetProperty("$anchor", out var anchor) && anchor.ValueKind == JsonValueKind.String)
            _anchors[scope.Uri + "#" + anchor.GetString()] = location;
        if (!draft7 && element.TryGetProperty("$dynamicAnchor", out var dynamicAnchor) && dynamicAnchor.ValueKind == JsonValueKind.String)
        {
            _anchors.TryAdd(scope.Uri + "#" + dynamicAnchor.GetString(), location);
            scope.DynamicAnchors.TryAdd(dynamicAnchor.GetString()!, location);
        }

        var keywords = draft7 ? KeywordsDraft7 : Keywords2020_12;
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Array && keywords.Array.Contains(name))
            {
                var index = 0;
                foreach (var item in value.EnumerateArray()) Scan(item, location.Child(name, index++), scope);
            }
            else if (keywords.Single.Contains(name))
            {
                Scan(value, location.Child(name), scope);
            }
            else if (value.ValueKind == JsonValueKind.Object && keywords.Map.Contains(name))
            {
                foreach (var member in value.EnumerateObject()) Scan(member.Value, location.Child(name, member.Name), scope);
            }
        }
    }

    /// <summary>
    /// A draft-07 <c>$id</c>: a URI that starts a new resource, a plain-name fragment ("#foo") that names the
    /// subschema within the current resource, or both ("other.json#foo").
    /// </summary>
    private ResourceScope EnterDraft7Identifier(string id, JsonElement element, SchemaLocation location, ResourceScope parent)
    {
        var (resource, fragment) = UriReference.SplitFragment(id);
        var scope = resource.Length == 0 ? parent : EnterResource(resource, element, location, parent);
        if (!string.IsNullOrEmpty(fragment)) _anchors[scope.Uri + "#" + fragment] = location;
        return scope;
    }

    private ResourceScope EnterResource(string id, JsonElement element, SchemaLocation location, ResourceScope parent)
    {
        var (idWithoutFragment, fragment) = UriReference.SplitFragment(id);
        if (!string.IsNullOrEmpty(fragment))
            throw Error(parent.Describe(location.Child("$id")), $"\"$id\" must not contain a fragment, found \"{id}\" (use \"$anchor\" to name a subschema)");
        var uri = UriReference.Resolve(parent.Uri, idWithoutFragment);
        var scope = new ResourceScope(uri, location, DialectDeclaredBy(element, uri, new ResourceDialect(parent.Dialect, parent.Vocabularies), location));
        _resources.TryAdd(uri, scope);
        // A document's own $id replaces the URI it was retrieved under as the base, but both must find it.
        if (location.Pointer.Length == 0) _resources[location.Document.Uri] = scope;
        return scope;
    }

    /// <summary>
    /// The dialect and vocabularies of a resource: a standard draft's, or those its <c>$schema</c> meta-schema
    /// declares, else the enclosing resource's (for a document root: the default dialect).
    /// </summary>
    private ResourceDialect DialectDeclaredBy(JsonElement resourceRoot, string resourceUri, ResourceDialect inherited, SchemaLocation location)
    {
        if (resourceRoot.ValueKind != JsonValueKind.Object || !resourceRoot.TryGetProperty("$schema", out var schema)
            || schema.ValueKind != JsonValueKind.String)
            return inherited;
        var metaSchemaUri = UriReference.SplitFragment(schema.GetString()!).Resource;
        if (VocabularyUris.TryGetStandardDialect(metaSchemaUri, out var standard)) return ResourceDialect.Of(standard);

        var where = "#" + location.Pointer + "/$schema";
        if (!UriReference.HasScheme(metaSchemaUri))
            throw Error(where, $"\"$schema\" must be an absolute URI, found \"{schema.GetString()}\"");
        // A custom meta-schema lists vocabularies, which only 2019-09 and later know.
        if (metaSchemaUri == resourceUri) return new(SchemaDialect.Draft2020_12, VocabulariesListedIn(resourceRoot, metaSchemaUri, where));
        var metaSchema = Resolve(metaSchemaUri, where).Element;
        return new(SchemaDialect.Draft2020_12, VocabulariesListedIn(metaSchema, metaSchemaUri, where));
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
