namespace AdvisoryPipeline.Tests.Architecture;

/// <summary>"1 type pair", "5 type pairs": the counts in the stage report read as sentences.</summary>
internal static class Plural
{
    public static string Of(int count, string thing) => count == 1 ? $"1 {thing}" : $"{count} {thing}s";
}
