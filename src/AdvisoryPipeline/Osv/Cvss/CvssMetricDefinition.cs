namespace AdvisoryPipeline.Osv.Cvss;

/// <summary>One metric a vector may carry: its abbreviation and its values, listed as the specification lists them.</summary>
internal sealed record CvssMetricDefinition(string Name, IReadOnlyList<string> Values, bool IsMandatory)
{
    public static CvssMetricDefinition Mandatory(string name, params string[] values) => new(name, values, true);

    public static CvssMetricDefinition Optional(string name, params string[] values) => new(name, values, false);

    public bool Allows(string value) => Values.Contains(value, StringComparer.Ordinal);
}
