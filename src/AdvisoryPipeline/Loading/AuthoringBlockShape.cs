namespace AdvisoryPipeline.Loading;

/// <summary>The string positions of the authoring block (<c>pipeline:</c>), which never reaches the published record.</summary>
public sealed class AuthoringBlockShape : IScalarShape
{
    public static AuthoringBlockShape Instance { get; } = new();

    private AuthoringBlockShape() => Root = ShapeNode.FromStringPaths("the pipeline block", ["embargo_until", "notes", "cwe_ids/*", "ghsa_import/*"]);

    public ShapeNode Root { get; }
}
