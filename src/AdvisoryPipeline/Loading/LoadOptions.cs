namespace AdvisoryPipeline.Loading;

/// <summary>Limits and expectations for loading one YAML file.</summary>
public sealed record LoadOptions
{
    public static LoadOptions Default { get; } = new();

    /// <summary>Larger files are refused before they are parsed (YAML009).</summary>
    public int MaxBytes { get; init; } = 1 << 20;

    /// <summary>Deeper nesting of mappings and sequences is refused (YAML008); the root mapping is depth 1.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Nodes that aliases may add to the document in total, so that an alias bomb stays small (YAML007).</summary>
    public int MaxAliasExpansion { get; init; } = 10_000;

    /// <summary>Where strings are expected, so that 1.10 or yes written there is reported instead of coerced.</summary>
    public IScalarShape Shape { get; init; } = OsvScalarShape.Instance;

    /// <summary>Top-level key whose value is split off into <see cref="LoadedDocument.AuthoringBlock"/>; null keeps every key in the record.</summary>
    public string? AuthoringBlockKey { get; init; } = "pipeline";

    /// <summary>Where strings are expected inside the authoring block.</summary>
    public IScalarShape AuthoringBlockShape { get; init; } = Loading.AuthoringBlockShape.Instance;

    /// <summary>
    /// Warn where YAML 1.1 tools (PyYAML, older Ruby and Go libraries) read a plain scalar differently
    /// (YAML111-YAML114). Files that only this tool reads, like the database configuration, can turn it off.
    /// </summary>
    public bool WarnAboutYaml11Readings { get; init; } = true;

    /// <summary>Tests compare the fast block-style parser with YamlDotNet, the reference, through this.</summary>
    internal Yaml.YamlParserChoice Parser { get; init; } = Yaml.YamlParserChoice.Fastest;
}
