namespace AdvisoryPipeline.Diagnostics;

/// <summary>A place in a source file, 1-based as editors count. Line 0 means "the file as a whole".</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation WholeFile(string file) => new(file, 0, 0);

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
