namespace AdvisoryPipeline.Lint;

/// <summary>
/// OSV808: ids and versions are compared byte for byte by every consumer, so a look-alike letter from another
/// script (Cyrillic "С" for Latin "C") makes a different, unmatchable value that reviewers cannot see.
/// </summary>
internal static class AsciiCheck
{
    public static bool IsAscii(string value) => CodePoints.FirstNonAscii(value) < 0;

    /// <summary>Reports the first character of <paramref name="value"/> outside ASCII; call when <see cref="IsAscii"/> is false.</summary>
    public static void Report(RecordContext context, string pointer, string value, string what)
    {
        var index = CodePoints.FirstNonAscii(value);
        context.ReportInValue(LintRules.AsciiIdsAndVersions, pointer, value, index, CodePoints.LengthAt(value, index),
            $"{what} {value} contains {CodePoints.Describe(value, index)}, which is not ASCII",
            "retype it with ASCII letters, digits and punctuation only");
    }
}
