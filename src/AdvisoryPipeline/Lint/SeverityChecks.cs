using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Cvss;

namespace AdvisoryPipeline.Lint;

/// <summary>
/// OSV601-OSV602: CVSS vectors, of the record and of each affected entry, parse and match their type. Other
/// severity types (CVSS_V2, Ubuntu) are left to the schema.
/// </summary>
internal static class SeverityChecks
{
    public static void Check(RecordContext context)
    {
        CheckList(context, "/severity", context.Record.Severity);
        if (context.Record.Affected is not { } affected) return;
        for (var i = 0; i < affected.Count; i++)
            CheckList(context, Pointers.Affected(i) + "/severity", affected[i]?.Severity);
    }

    private static void CheckList(RecordContext context, string listPointer, IReadOnlyList<OsvSeverity>? severities)
    {
        if (severities is null) return;
        for (var i = 0; i < severities.Count; i++)
        {
            if (severities[i] is not { Type: "CVSS_V3" or "CVSS_V4" } severity) continue;
            var pointer = Pointers.Item(listPointer, i) + "/score";
            var vector = severity.Score ?? "";
            if (context.Caches.Severities.GetOrAdd((severity.Type, vector), 0, static (key, _) => Problem(key.Type, key.Vector)) is not { } problem)
                continue;

            if (problem.OtherVersion is { } other)
            {
                var fitting = other == CvssVersion.V4_0 ? "CVSS_V4" : "CVSS_V3";
                context.Report(LintRules.CvssMatchesType, pointer,
                    $"a {severity.Type} severity holds a CVSS {VersionText(other)} vector",
                    $"change the type to {fitting}, or give a {(severity.Type == "CVSS_V3" ? "CVSS 3.1" : "CVSS 4.0")} vector");
                continue;
            }
            var message = $"the CVSS vector is invalid: {problem.Message}";
            const string hint = "check it with the FIRST calculator (https://www.first.org/cvss/) and paste the vector it shows";
            if (problem.Offset is { } offset && offset < vector.Length)
                context.ReportInValue(LintRules.ValidCvss, pointer, vector, offset, vector.Length - offset, message, hint);
            else
                context.Report(LintRules.ValidCvss, pointer, message, hint);
        }
    }

    /// <summary>Null for a vector that fits its type; vectors repeat across advisories, so the answer is cached per run.</summary>
    private static SeverityProblem? Problem(string type, string vector)
    {
        if (CvssParser.TryParseOsvSeverity(type, vector, out _, out var error)) return null;
        return CvssParser.TryParse(vector, out var other, out _)
            ? new SeverityProblem(error.Message, error.Offset, other.Version)
            : new SeverityProblem(error.Message, error.Offset, null);
    }

    private static string VersionText(CvssVersion version) => version switch
    {
        CvssVersion.V3_0 => "3.0",
        CvssVersion.V3_1 => "3.1",
        _ => "4.0",
    };
}
