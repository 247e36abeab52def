using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using AdvisoryPipeline.JsonSchema.Evaluation;
using AdvisoryPipeline.JsonSchema.Formats;
using AdvisoryPipeline.JsonSchema.Json;
using AdvisoryPipeline.JsonSchema.Keywords;

namespace AdvisoryPipeline.JsonSchema.Compilation;

/// <summary>
/// Compiles the keywords of one schema object, checking each keyword's value and saying where it is wrong.
/// Keywords of vocabularies the resource's meta-schema does not declare are ignored, as are unknown keywords.
/// </summary>
internal sealed class KeywordBuilder(SchemaCompiler compiler, SchemaNode node, SchemaLocation location, ResourceScope scope)
{
    private readonly JsonElement _schema = location.Element;
    private readonly List<Keyword> _keywords = [];

    private bool IsDraft7 => scope.Dialect == SchemaDialect.Draft7;

    public void Build()
    {
        // Draft-07: "All other properties in a $ref object MUST be ignored."
        if (IsDraft7 && _schema.TryGetProperty("$ref", out var draft7Reference))
        {
            node.Complete([new RefKeyword(node, NodeFor(ResolveReference("$ref", draft7Reference)))], null);
            return;
        }
        string? title = null;
        foreach (var property in _schema.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "$ref": _keywords.Add(new RefKeyword(node, NodeFor(ResolveReference(property.Name, value)))); break;
                case "$dynamicRef" when !IsDraft7: _keywords.Add(DynamicRef(value)); break;
                case "title" when Has(Vocabularies.MetaData) && value.ValueKind == JsonValueKind.String: title = value.GetString(); break;
                default:
                    if (Has(Vocabularies.Applicator)) AddApplicator(property.Name, value);
                    if (Has(Vocabularies.Unevaluated)) AddUnevaluated(property.Name);
                    if (Has(Vocabularies.Validation)) AddValidation(property.Name, value);
                    if (property.Name == "format") AddFormat(value);
                    if (IsDraft7) AddDraft7Content(property.Name, value);
                    break;
            }
        }
        // unevaluated* read the annotations of all their siblings, so they run last (the sort is stable).
        var ordered = _keywords.OrderBy(k => k.ReadsSiblingAnnotations).ToArray();
        node.Complete(ordered, title);
    }

    private bool Has(Vocabularies vocabulary) => (scope.Vocabularies & vocabulary) != 0;

    private void AddApplicator(string name, JsonElement value)
    {
        if (IsDraft7)
        {
            AddDraft7Applicator(name, value);
            return;
        }
        AddCommonApplicator(name, value);
        switch (name)
        {
            case "dependentSchemas":
                var (triggers, dependents) = SchemaMap(name, value);
                _keywords.Add(new DependentSchemasKeyword(node, triggers, dependents));
                break;
            case "prefixItems": _keywords.Add(new PrefixItemsKeyword(node, SchemaArray(name, value))); break;
            case "items":
                var prefixLength = _schema.TryGetProperty("prefixItems", out var prefix) && prefix.ValueKind == JsonValueKind.Array ? prefix.GetArrayLength() : 0;
                _keywords.Add(new ItemsKeyword(node, Subschema(name), prefixLength));
                break;
            case "contains":
                var (minimum, maximum) = Has(Vocabularies.Validation)
                    ? (OptionalCount("minContains") ?? 1, OptionalCount("maxContains"))
                    : (1, null);
                _keywords.Add(new ContainsKeyword(node, Subschema(name), minimum, maximum));
                break;
        }
    }

    /// <summary>
    /// Draft-07's array keywords: "items" is one schema for every item or an array of schemas, one per leading
    /// item, after which "additionalItems" applies; "contains" has no count bounds.
    /// </summary>
    private void AddDraft7Applicator(string name, JsonElement value)
    {
        AddCommonApplicator(name, value);
        switch (name)
        {
            case "items" when value.ValueKind == JsonValueKind.Array:
                _keywords.Add(new PrefixItemsKeyword(node, SchemaArray(name, value, allowEmpty: true), name));
                break;
            case "items": _keywords.Add(new ItemsKeyword(node, Subschema(name), 0)); break;
            case "additionalItems":
                // Without an array "items" every item is already covered (or unconstrained): nothing is additional.
                if (_schema.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
                    _keywords.Add(new ItemsKeyword(node, Subschema(name), items.GetArrayLength(), name));
                break;
            case "contains": _keywords.Add(new ContainsKeyword(node, Subschema(name), 1, null)); break;
        }
    }

    /// <summary>The applicators that mean the same in draft-07 and 2020-12.</summary>
    private void AddCommonApplicator(string name, JsonElement value)
    {
        switch (name)
        {
            case "allOf": _keywords.Add(new AllOfKeyword(node, SchemaArray(name, value))); break;
            case "anyOf": _keywords.Add(new AnyOfKeyword(node, SchemaArray(name, value))); break;
            case "oneOf": _keywords.Add(new OneOfKeyword(node, SchemaArray(name, value))); break;
            case "not": _keywords.Add(new NotKeyword(node, Subschema(name))); break;
            case "if":
                _keywords.Add(new IfThenElseKeyword(node, Subschema(name),
                    _schema.TryGetProperty("then", out _) ? Subschema("then") : null,
                    _schema.TryGetProperty("else", out _) ? Subschema("else") : null));
                break;
            case "properties":
                var (names, schemas) = SchemaMap(name, value);
                _keywords.Add(new PropertiesKeyword(node, names, schemas));
                break;
            case "patternProperties":
                var (sources, patternSchemas) = SchemaMap(name, value);
                _keywords.Add(new PatternPropertiesKeyword(node, sources, SiblingPatterns(), patternSchemas));
                break;
            case "additionalProperties":
                _keywords.Add(new AdditionalPropertiesKeyword(node, Subschema(name), SiblingPropertyNames(), SiblingPatterns()));
                break;
            case "propertyNames": _keywords.Add(new PropertyNamesKeyword(node, Subschema(name))); break;
            case "dependencies": AddLegacyDependencies(value); break;
        }
    }

    /// <summary>
    /// Draft 7 "dependencies", which 2020-12 split into dependentRequired (array values) and dependentSchemas
    /// (schema values); still honoured so that older schemas keep their meaning.
    /// </summary>
    private void AddLegacyDependencies(JsonElement value)
    {
        Require("dependencies", value.ValueKind == JsonValueKind.Object, "an object");
        var required = new List<(string, string[])>();
        var names = new List<string>();
        var schemas = new List<SchemaNode>();
        foreach (var member in value.EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.Array)
            {
                required.Add((member.Name, StringArray("dependencies/" + JsonPointer.Escape(member.Name), member.Value)));
                continue;
            }
            names.Add(member.Name);
            schemas.Add(compiler.NodeFor(location.Child("dependencies", member.Name)));
        }
        if (required.Count > 0) _keywords.Add(new DependentRequiredKeyword(node, required, "dependencies"));
        if (schemas.Count > 0) _keywords.Add(new DependentSchemasKeyword(node, names, schemas.ToArray(), "dependencies"));
    }

    private void AddUnevaluated(string name)
    {
        switch (name)
        {
            case "unevaluatedProperties": _keywords.Add(new UnevaluatedPropertiesKeyword(node, Subschema(name))); break;
            case "unevaluatedItems": _keywords.Add(new UnevaluatedItemsKeyword(node, Subschema(name))); break;
        }
    }

    private void AddValidation(string name, JsonElement value)
    {
        switch (name)
        {
            case "type": _keywords.Add(new TypeKeyword(node, Types(value))); break;
            case "enum":
                Require(name, value.ValueKind == JsonValueKind.Array, "an array");
                _keywords.Add(new EnumKeyword(node, value.EnumerateArray().ToArray()));
                break;
            case "const": _keywords.Add(new ConstKeyword(node, value)); break;
            case "multipleOf":
                Require(name, value.ValueKind == JsonValueKind.Number && !NumberAt(value).IsNegative && !NumberAt(value).IsZero, "a number greater than 0");
                _keywords.Add(new MultipleOfKeyword(node, value));
                break;
            case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum":
                Require(name, value.ValueKind == JsonValueKind.Number, "a number");
                _keywords.Add(new NumberBoundKeyword(node, name, value));
                break;
            case "minLength" or "maxLength" or "minItems" or "maxItems" or "minProperties" or "maxProperties":
                _keywords.Add(new SizeLimitKeyword(node, name, Count(name, value)));
                break;
            case "pattern":
                Require(name, value.ValueKind == JsonValueKind.String, "a string");
                _keywords.Add(new PatternKeyword(node, compiler.PatternFor(value.GetString()!, Where(name)), value.GetString()!));
                break;
            case "uniqueItems":
                Require(name, value.ValueKind is JsonValueKind.True or JsonValueKind.False, "a boolean");
                if (value.ValueKind == JsonValueKind.True) _keywords.Add(new UniqueItemsKeyword(node));
                break;
            case "required":
                _keywords.Add(new RequiredKeyword(node, StringArray(name, value)));
                break;
            case "dependentRequired" when !IsDraft7:
                Require(name, value.ValueKind == JsonValueKind.Object, "an object");
                var rules = new List<(string, string[])>();
                foreach (var rule in value.EnumerateObject()) rules.Add((rule.Name, StringArray(name + "/" + JsonPointer.Escape(rule.Name), rule.Value)));
                _keywords.Add(new DependentRequiredKeyword(node, rules));
                break;
        }
    }

    private void AddFormat(JsonElement value)
    {
        var asserted = compiler.Options.AssertFormat || Has(Vocabularies.FormatAssertion);
        if (!asserted || value.ValueKind != JsonValueKind.String) return;
        if (FormatCatalog.TryGet(value.GetString()!, out var check)) _keywords.Add(new FormatKeyword(node, value.GetString()!, check));
    }

    /// <summary>
    /// Draft-07 content keywords as assertions: <c>contentEncoding: base64</c> alone checks the encoding;
    /// <c>contentMediaType: application/json</c> checks the (decoded) content, so it carries the check of both.
    /// </summary>
    private void AddDraft7Content(string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String) return;
        var base64 = _schema.TryGetProperty("contentEncoding", out var encoding) && encoding.ValueKind == JsonValueKind.String
            && string.Equals(encoding.GetString(), "base64", StringComparison.OrdinalIgnoreCase);
        var json = _schema.TryGetProperty("contentMediaType", out var mediaType) && mediaType.ValueKind == JsonValueKind.String
            && string.Equals(mediaType.GetString(), "application/json", StringComparison.OrdinalIgnoreCase);
        if (name == "contentMediaType" && json) _keywords.Add(new ContentKeyword(node, name, base64, json: true));
        else if (name == "contentEncoding" && base64 && !json) _keywords.Add(new ContentKeyword(node, name, base64: true, json: false));
    }

    private DynamicRefKeyword DynamicRef(JsonElement value)
    {
        var reference = ResolveReference("$dynamicRef", value);
        var initial = compiler.Registry.Resolve(reference, Where("$dynamicRef"));
        var fragment = UriReference.SplitFragment(reference).Fragment;
        string? anchor = null;
        // Dynamic only when the fragment is an anchor name that the initial target declares as $dynamicAnchor.
        if (!string.IsNullOrEmpty(fragment) && !fragment.StartsWith('/')
            && initial.Element.ValueKind == JsonValueKind.Object
            && initial.Element.TryGetProperty("$dynamicAnchor", out var declared) && declared.ValueKind == JsonValueKind.String
            && declared.GetString() == Uri.UnescapeDataString(fragment))
        {
            anchor = declared.GetString();
            compiler.UsesDynamicScope = true;
        }
        return new DynamicRefKeyword(node, compiler.NodeFor(initial), anchor);
    }

    private string ResolveReference(string keyword, JsonElement value)
    {
        Require(keyword, value.ValueKind == JsonValueKind.String, "a string (a URI reference)");
        return UriReference.Resolve(scope.Uri, value.GetString()!);
    }

    private SchemaNode NodeFor(string reference) => compiler.NodeFor(compiler.Registry.Resolve(reference, Where("$ref")));

    private SchemaNode Subschema(string keyword) => compiler.NodeFor(location.Child(keyword));

    private SchemaNode[] SchemaArray(string keyword, JsonElement value, bool allowEmpty = false)
    {
        Require(keyword, value.ValueKind == JsonValueKind.Array && (allowEmpty || value.GetArrayLength() > 0), "a non-empty array of schemas");
        var schemas = new SchemaNode[value.GetArrayLength()];
        for (var i = 0; i < schemas.Length; i++) schemas[i] = compiler.NodeFor(location.Child(keyword, i));
        return schemas;
    }

    private (List<string> Names, SchemaNode[] Schemas) SchemaMap(string keyword, JsonElement value)
    {
        Require(keyword, value.ValueKind == JsonValueKind.Object, "an object whose values are schemas");
        var names = new List<string>();
        var schemas = new List<SchemaNode>();
        foreach (var member in value.EnumerateObject())
        {
            names.Add(member.Name);
            schemas.Add(compiler.NodeFor(location.Child(keyword, member.Name)));
        }
        return (names, schemas.ToArray());
    }

    private PropertyNameTable? SiblingPropertyNames()
    {
        if (!_schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object) return null;
        var names = new List<string>();
        foreach (var member in properties.EnumerateObject()) names.Add(member.Name);
        return new PropertyNameTable(names);
    }

    private Regex[] SiblingPatterns()
    {
        if (!_schema.TryGetProperty("patternProperties", out var patterns) || patterns.ValueKind != JsonValueKind.Object) return [];
        var regexes = new List<Regex>();
        foreach (var member in patterns.EnumerateObject())
            regexes.Add(compiler.PatternFor(member.Name, Where("patternProperties/" + JsonPointer.Escape(member.Name))));
        return regexes.ToArray();
    }

    private JsonTypes Types(JsonElement value)
    {
        const string expected = "a type name (null, boolean, object, array, number, string, integer) or an array of them";
        var names = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        var types = JsonTypes.None;
        foreach (var name in names)
        {
            var type = name.ValueKind == JsonValueKind.String && JsonTypeNames.TryParse(name.GetString()!, out var parsed) ? parsed : JsonTypes.None;
            Require("type", type != JsonTypes.None, expected);
            types |= type;
        }
        return types;
    }

    private long? OptionalCount(string keyword) =>
        _schema.TryGetProperty(keyword, out var value) ? Count(keyword, value) : null;

    private long Count(string keyword, JsonElement value)
    {
        var valid = value.ValueKind == JsonValueKind.Number && NumberAt(value).IsInteger && !NumberAt(value).IsNegative;
        Require(keyword, valid, "a non-negative integer");
        return value.TryGetInt64(out var count) ? count : value.TryGetDouble(out var large) && large < long.MaxValue ? (long)large : long.MaxValue;
    }

    private string[] StringArray(string keyword, JsonElement value)
    {
        Require(keyword, value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String), "an array of strings");
        return value.EnumerateArray().Select(v => v.GetString()!).ToArray();
    }

    private static JsonNumber NumberAt(JsonElement value) => new(JsonMarshal.GetRawUtf8Value(value));

    /// <param name="keywordPath">The keyword, or a path below it ("dependentRequired/a") for a nested value.</param>
    private void Require(string keywordPath, bool condition, string expected)
    {
        if (condition) return;
        var keyword = keywordPath.Split('/')[0];
        var found = _schema.TryGetProperty(keyword, out var value) ? JsonValueText.Describe(value) : "nothing";
        throw SchemaRegistry.Error(Where(keywordPath), $"\"{keyword}\" must be {expected}, found {found}");
    }

    private string Where(string keywordPath) => compiler.Describe(location) + "/" + keywordPath;
}
