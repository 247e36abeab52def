namespace AdvisoryPipeline.JsonSchema;

/// <summary>
/// The JSON Schema draft whose keywords a schema resource is read with: its <c>$schema</c> decides, else
/// <see cref="SchemaOptions.DefaultDialect"/>. Drafts 2019-09, 04 and 06 are read as the nearest supported one.
/// </summary>
public enum SchemaDialect
{
    /// <summary>Draft 2020-12 (the OSV schema's draft).</summary>
    Draft2020_12,

    /// <summary>
    /// Draft-07 (the CVE record schema's draft): <c>items</c> as a schema or an array with <c>additionalItems</c>,
    /// <c>dependencies</c>, <c>definitions</c>, <c>$id</c> that may name a plain-name fragment, and every keyword
    /// beside a <c>$ref</c> ignored; no <c>$defs</c>, <c>$anchor</c>, <c>$dynamicRef</c>, <c>prefixItems</c>,
    /// <c>dependentRequired</c>, <c>dependentSchemas</c>, <c>min/maxContains</c> or <c>unevaluated*</c>.
    /// </summary>
    Draft7,
}
