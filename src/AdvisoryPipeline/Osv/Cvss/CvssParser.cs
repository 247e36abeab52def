using System.Diagnostics.CodeAnalysis;

namespace AdvisoryPipeline.Osv.Cvss;

/// <summary>
/// Reads CVSS v3.0, v3.1 and v4.0 vectors. Validation is complete: prefix and version, every mandatory base metric
/// exactly once, no unknown metric, only the values the specification lists, and for v4.0 the specification's
/// metric order. Optional temporal, threat, environmental and supplemental metrics are accepted when valid. The
/// first problem in reading order is reported (missing metrics last, since they are known only at the end).
/// </summary>
public static class CvssParser
{
    private const string AnyVersionRule = "a CVSS vector starts with CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/";

    private static readonly CvssVersion[] AllVersions = [CvssVersion.V3_0, CvssVersion.V3_1, CvssVersion.V4_0];

    /// <summary>Parses any supported version; on failure <paramref name="error"/> says what is wrong and where.</summary>
    public static bool TryParse(
        string? vector,
        [NotNullWhen(true)] out CvssVector? parsed,
        [NotNullWhen(false)] out string? error)
    {
        var ok = TryParseWithOffset(vector, out parsed, out var located);
        error = located?.Message;
        return ok;
    }

    /// <summary>
    /// As <see cref="TryParse(string?, out CvssVector?, out string?)"/>, with the character offset of the problem.
    /// </summary>
    public static bool TryParseWithOffset(
        string? vector,
        [NotNullWhen(true)] out CvssVector? parsed,
        [NotNullWhen(false)] out CvssParseError? error) =>
        TryParse(vector, AllVersions, AnyVersionRule, out parsed, out error);

    /// <summary>
    /// Parses the <c>score</c> of an OSV <c>severity</c> entry of type <c>CVSS_V3</c> (v3.0 or v3.1 vectors) or
    /// <c>CVSS_V4</c> (v4.0 vectors); a vector of the other version is an error. Other types (CVSS_V2, Ubuntu)
    /// carry no vector this parser reads and are reported as such.
    /// </summary>
    public static bool TryParseOsvSeverity(
        string type,
        string? vector,
        [NotNullWhen(true)] out CvssVector? parsed,
        [NotNullWhen(false)] out CvssParseError? error)
    {
        switch (type)
        {
            case "CVSS_V3":
                return TryParse(vector, [CvssVersion.V3_0, CvssVersion.V3_1],
                    "CVSS_V3 vectors start with CVSS:3.0/ or CVSS:3.1/", out parsed, out error);
            case "CVSS_V4":
                return TryParse(vector, [CvssVersion.V4_0], "CVSS_V4 vectors start with CVSS:4.0/", out parsed, out error);
            default:
                parsed = null;
                error = new CvssParseError($"severity type \"{type}\" is not CVSS_V3 or CVSS_V4, the types scored here", null);
                return false;
        }
    }

    /// <summary>Parses a vector known to be valid (constants, test data).</summary>
    /// <exception cref="FormatException">The vector is invalid; the message says why.</exception>
    public static CvssVector Parse(string vector) =>
        TryParse(vector, out var parsed, out var error) ? parsed : throw new FormatException(error);

    private static bool TryParse(
        string? text,
        IReadOnlyList<CvssVersion> accepted,
        string prefixRule,
        [NotNullWhen(true)] out CvssVector? parsed,
        [NotNullWhen(false)] out CvssParseError? error)
    {
        parsed = null;
        if (string.IsNullOrEmpty(text))
        {
            error = new CvssParseError("the CVSS vector is empty", null);
            return false;
        }
        error = FindTextError(text, accepted, prefixRule, out var version);
        if (error is not null)
            return false;

        var catalog = version is CvssVersion.V4_0 ? CvssMetricCatalog.V4 : CvssMetricCatalog.V3;
        var prefixLength = Prefix(version).Length;
        var metrics = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        error = ReadMetrics(text, prefixLength, catalog, version, metrics) ?? FindMissing(catalog, metrics);
        if (error is not null)
            return false;

        parsed = new CvssVector(version, text, metrics);
        return true;
    }

    private static CvssParseError? FindTextError(
        string text, IReadOnlyList<CvssVersion> accepted, string prefixRule, out CvssVersion version)
    {
        version = default;
        var space = text.AsSpan().IndexOfAny(" \t\r\n\f\v\u00A0");
        if (space >= 0)
            return new CvssParseError($"whitespace at offset {space}: a CVSS vector has none", space);

        foreach (var candidate in accepted)
        {
            if (text.StartsWith(Prefix(candidate), StringComparison.Ordinal))
            {
                version = candidate;
                return null;
            }
        }

        // Quote a version-looking first segment ("CVSS:3.2", "CVSS:4.0" under CVSS_V3) so the reader sees what was
        // rejected; a prefix-less vector (such as CVSS v2's "AV:N/...") gets the rule alone.
        var firstSegment = text.Split('/')[0];
        return firstSegment.StartsWith("CVSS:", StringComparison.Ordinal)
            ? new CvssParseError($"\"{firstSegment}\" is not an accepted prefix: {prefixRule}", 0)
            : new CvssParseError(prefixRule, 0);
    }

    private static CvssParseError? ReadMetrics(
        string text, int start, CvssMetricCatalog catalog, CvssVersion version,
        OrderedDictionary<string, string> metrics)
    {
        if (start == text.Length)
            return null; // "CVSS:3.1/" alone: every mandatory metric is reported missing.

        var previousPosition = -1;
        string? previousName = null;
        var offset = start;
        foreach (var component in text[start..].Split('/'))
        {
            var error = ReadMetric(component, offset, catalog, version, metrics, ref previousPosition, ref previousName);
            if (error is not null)
                return error;
            offset += component.Length + 1;
        }
        return null;
    }

    private static CvssParseError? ReadMetric(
        string component, int offset, CvssMetricCatalog catalog, CvssVersion version,
        OrderedDictionary<string, string> metrics, ref int previousPosition, ref string? previousName)
    {
        if (component.Length == 0)
            return new CvssParseError(
                $"empty metric at offset {offset}: two \"/\" in a row or a \"/\" at the end", offset);

        var colon = component.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
            return new CvssParseError($"\"{component}\" is not a metric: expected NAME:VALUE such as \"AV:N\"", offset);

        var name = component[..colon];
        var value = component[(colon + 1)..];
        if (!catalog.TryFind(name, out var metric, out var position))
            return new CvssParseError($"\"{name}\" is not a CVSS v{Label(version)} metric", offset);
        if (metrics.ContainsKey(name))
            return new CvssParseError($"\"{name}\" appears twice", offset);
        if (!metric.Allows(value))
            return new CvssParseError(
                $"\"{component}\" is not a valid value for {name} ({string.Join(", ", metric.Values)})", offset + colon + 1);
        if (catalog.RequiresSpecificationOrder && position < previousPosition)
            return new CvssParseError(
                $"\"{name}\" is out of order: CVSS v{Label(version)} puts it before \"{previousName}\"", offset);

        metrics.Add(name, value);
        previousPosition = position;
        previousName = name;
        return null;
    }

    private static CvssParseError? FindMissing(CvssMetricCatalog catalog, OrderedDictionary<string, string> metrics)
    {
        var missing = catalog.Metrics
            .Where(metric => metric.IsMandatory && !metrics.ContainsKey(metric.Name))
            .Select(metric => $"\"{metric.Name}\"")
            .ToList();
        return missing.Count switch
        {
            0 => null,
            1 => new CvssParseError($"metric {missing[0]} is missing", null),
            _ => new CvssParseError(
                $"metrics {string.Join(", ", missing[..^1])} and {missing[^1]} are missing", null),
        };
    }

    private static string Prefix(CvssVersion version) => $"CVSS:{Label(version)}/";

    private static string Label(CvssVersion version) => version switch
    {
        CvssVersion.V3_0 => "3.0",
        CvssVersion.V3_1 => "3.1",
        CvssVersion.V4_0 => "4.0",
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown CVSS version."),
    };
}
