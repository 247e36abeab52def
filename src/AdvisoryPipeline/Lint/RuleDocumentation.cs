namespace AdvisoryPipeline.Lint;

/// <summary>
/// The pages of <c>docs/lint/</c>, embedded in the library at build time so that the CLI explains a rule with
/// exactly the text the repository documents: one source, no copy to drift.
/// </summary>
internal static class RuleDocumentation
{
    internal const string ResourcePrefix = "AdvisoryPipeline.Lint.Docs.";

    public static string? Read(string code)
    {
        using var stream = typeof(RuleDocumentation).Assembly.GetManifestResourceStream(ResourcePrefix + code + ".md");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Codes of every embedded page, for the test that keeps pages and rules one-to-one.</summary>
    public static IEnumerable<string> Codes() =>
        typeof(RuleDocumentation).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".md", StringComparison.Ordinal))
            .Select(name => name[ResourcePrefix.Length..^".md".Length]);
}
