namespace AdvisoryPipeline.Loading;

/// <summary>
/// A stretch of <see cref="LoadedDocument.Text"/>: <see cref="Start"/> inclusive, <see cref="End"/> exclusive,
/// in UTF-16 code units; <see cref="Line"/> and <see cref="Column"/> (1-based) are those of <see cref="Start"/>.
/// Replacing exactly this stretch is how an automatic fix changes one value and nothing around it.
/// </summary>
public readonly record struct SourceSpan(int Start, int End, int Line, int Column)
{
    public int Length => End - Start;
}
