namespace AdvisoryPipeline.Diagnostics;

/// <summary>A place in a source file, 1-based as editors count. Line 0 means "the file as a whole".</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation WholeFile(string file) => new(file, 0, 0);

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;

    /// <summary>Writes what <see cref="ToString"/> gives, without making the string: findings are printed by the hundred thousand.</summary>
    public void WriteTo(TextWriter output)
    {
        output.Write(File);
        if (Line <= 0) return;
        Span<char> numbers = stackalloc char[24];
        numbers[0] = ':';
        Line.TryFormat(numbers[1..], out var line, provider: System.Globalization.CultureInfo.InvariantCulture);
        numbers[1 + line] = ':';
        Column.TryFormat(numbers[(2 + line)..], out var column, provider: System.Globalization.CultureInfo.InvariantCulture);
        output.Write(numbers[..(2 + line + column)]);
    }
}
