namespace AdvisoryPipeline.Loading;

/// <summary>
/// Where a kind of document expects strings. The loader walks it alongside the YAML tree, so that a plain
/// 1.10 or true written where a string belongs is reported (YAML101-YAML103) instead of silently becoming a
/// number or a boolean; everywhere else YAML 1.2 values are kept.
/// </summary>
public interface IScalarShape
{
    ShapeNode Root { get; }
}
