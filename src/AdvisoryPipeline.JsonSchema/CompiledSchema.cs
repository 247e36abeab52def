using System.Text.Json;
using AdvisoryPipeline.JsonSchema.Compilation;
using AdvisoryPipeline.JsonSchema.Evaluation;

namespace AdvisoryPipeline.JsonSchema;

/// <summary>
/// A JSON Schema (draft 2020-12 or draft-07, see <see cref="SchemaDialect"/>) compiled once into an immutable validator, then applied to any number of
/// instances, from any number of threads.
/// </summary>
public sealed class CompiledSchema
{
    private static readonly Lazy<CompiledSchema> MetaSchema = new(() =>
    {
        if (!MetaSchemaStore.TryGet(VocabularyUris.MetaSchema2020_12, out var document))
            throw new InvalidOperationException("The embedded 2020-12 meta-schema is missing.");
        return Compile(document, new SchemaOptions { AssertFormat = true });
    });

    private readonly SchemaNode _root;
    private readonly bool _tracksDynamicScope;

    private CompiledSchema(SchemaNode root, bool tracksDynamicScope)
    {
        _root = root;
        _tracksDynamicScope = tracksDynamicScope;
    }

    /// <summary>
    /// The 2020-12 meta-schema, for checking that a document is a valid schema. Formats are asserted, so that
    /// invalid regular expressions and URIs in a schema are reported too.
    /// </summary>
    public static CompiledSchema MetaSchema2020_12 => MetaSchema.Value;

    /// <summary>Compiles <paramref name="schema"/>; the element is copied, so its document may be disposed afterwards.</summary>
    /// <exception cref="SchemaCompileException">The schema is malformed or refers to something unknown; the message says where and what.</exception>
    public static CompiledSchema Compile(JsonElement schema, SchemaOptions? options = null)
    {
        var (root, usesDynamicScope) = SchemaCompiler.Compile(schema, options ?? new SchemaOptions());
        return new CompiledSchema(root, usesDynamicScope);
    }

    /// <summary>Whether the instance is valid. Stops at the first failure and allocates nothing for most schemas.</summary>
    public bool IsValid(JsonElement instance)
    {
        var context = EvaluationContext.Rent(_tracksDynamicScope, errors: null);
        var valid = _root.Evaluate(instance, context, null);
        EvaluationContext.Return(context);
        return valid;
    }

    /// <summary>Validates the instance and reports every error, with anyOf/oneOf alternatives as error contexts.</summary>
    public SchemaValidationResult Validate(JsonElement instance)
    {
        // Valid instances (the common case) take the allocation-free path; only failures pay for error reports.
        if (IsValid(instance)) return SchemaValidationResult.Valid;
        var errors = new List<SchemaError>();
        var context = EvaluationContext.Rent(_tracksDynamicScope, errors);
        _root.Evaluate(instance, context, null);
        EvaluationContext.Return(context);
        return new SchemaValidationResult(false, errors);
    }
}
