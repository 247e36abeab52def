namespace AdvisoryPipeline.Loading;

/// <summary>
/// The string positions of an OSV record (OSV schema 1.7). <c>database_specific</c> and
/// <c>ecosystem_specific</c> are free-form and keep their YAML 1.2 values.
/// </summary>
public sealed class OsvScalarShape : IScalarShape
{
    // Declared before Instance: static initializers run in textual order.
    private static readonly string[] StringPaths =
    [
        "schema_version", "id", "modified", "published", "withdrawn",
        "aliases/*", "upstream/*", "related/*",
        "summary", "details",
        "severity/*/type", "severity/*/score",
        "affected/*/package/ecosystem", "affected/*/package/name", "affected/*/package/purl",
        "affected/*/severity/*/*",
        "affected/*/ranges/*/type", "affected/*/ranges/*/repo",
        "affected/*/ranges/*/events/*/introduced", "affected/*/ranges/*/events/*/fixed",
        "affected/*/ranges/*/events/*/last_affected", "affected/*/ranges/*/events/*/limit",
        "affected/*/versions/*",
        "references/*/type", "references/*/url",
        "credits/*/name", "credits/*/type", "credits/*/contact/*",
    ];

    public static OsvScalarShape Instance { get; } = new();

    private OsvScalarShape() => Root = ShapeNode.FromStringPaths("OSV", StringPaths);

    public ShapeNode Root { get; }
}
