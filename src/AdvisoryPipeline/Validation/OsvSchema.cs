using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdvisoryPipeline.JsonSchema;

namespace AdvisoryPipeline.Validation;

/// <summary>
/// The OSV schema a database is validated against: the one embedded in the product (<c>schemas/osv-schema.json</c>)
/// or another file (<c>--schema FILE</c>), compiled once, with formats asserted, and with the database's own ID
/// prefix accepted.
/// </summary>
/// <remarks>
/// A project's database prefix is usually not (yet) registered with OSV, so neither our schema nor the official
/// one would accept its IDs. Both keep the registered prefixes in <c>$defs/prefix</c> as one pattern
/// <c>^(x_|(A|B|…)-)</c>; the configured prefix is spliced into that alternation. A schema without that shape is
/// used unchanged (the lint stage still checks the prefix).
/// </remarks>
public sealed class OsvSchema
{
    public const string EmbeddedResourceName = "AdvisoryPipeline.Schemas.osv-schema.json";

    private OsvSchema(CompiledSchema compiled, SchemaDeclarations declarations, string source, string fingerprint, string? rootTitle)
    {
        Compiled = compiled;
        Declarations = declarations;
        Source = source;
        Fingerprint = fingerprint;
        RootTitle = rootTitle;
    }

    public CompiledSchema Compiled { get; }

    /// <summary>The property names and allowed values at the places of schema errors, for "did you mean".</summary>
    internal SchemaDeclarations Declarations { get; }

    /// <summary>"embedded OSV schema" or the file it came from, for messages.</summary>
    public string Source { get; }

    /// <summary>Hex SHA-256 of the schema bytes and the spliced prefix: part of the validation cache key.</summary>
    public string Fingerprint { get; }

    /// <summary>The schema's own title, which says nothing about a particular error.</summary>
    public string? RootTitle { get; }

    public static OsvSchema Embedded(string? databasePrefix)
    {
        using var stream = typeof(OsvSchema).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException("The embedded OSV schema is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return FromBytes(buffer.ToArray(), "embedded OSV schema", databasePrefix);
    }

    /// <exception cref="SchemaCompileException">The file is not JSON or not a valid schema; the message says why.</exception>
    public static OsvSchema FromFile(string path, string? databasePrefix)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SchemaCompileException($"cannot read schema {path}: {e.Message}");
        }
        return FromBytes(bytes, path, databasePrefix);
    }

    public static OsvSchema FromBytes(byte[] utf8, string source, string? databasePrefix)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new SchemaCompileException($"{source} is not valid JSON: {e.Message}");
        }
        if (node is not JsonObject schema)
            throw new SchemaCompileException($"{source} is not a JSON Schema object");

        if (databasePrefix is { Length: > 0 })
            AcceptPrefix(schema, databasePrefix);

        using var document = JsonDocument.Parse(schema.ToJsonString());
        var compiled = CompiledSchema.Compile(document.RootElement, new SchemaOptions { AssertFormat = true });
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(
            [.. utf8, .. Encoding.UTF8.GetBytes("\nprefix=" + (databasePrefix ?? ""))]));
        var title = schema["title"] is JsonValue t && t.TryGetValue<string>(out var text) ? text : null;
        return new OsvSchema(compiled, SchemaDeclarations.Of(document.RootElement), source, fingerprint, title);
    }

    /// <summary>Adds <paramref name="prefix"/> as the first alternative of <c>$defs/prefix/pattern</c>.</summary>
    internal static bool AcceptPrefix(JsonObject schema, string prefix)
    {
        if (schema["$defs"]?["prefix"] is not JsonObject definition
            || definition["pattern"] is not JsonValue value
            || !value.TryGetValue<string>(out var pattern)
            || !pattern.StartsWith("^(", StringComparison.Ordinal))
            return false;
        definition["pattern"] = "^(" + Regex.Escape(prefix) + "-|" + pattern[2..];
        return true;
    }
}
