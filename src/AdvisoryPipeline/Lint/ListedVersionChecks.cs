using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Lint;

/// <summary>OSV508 and OSV511: the explicit <c>versions</c> list of an affected entry agrees with its ranges.</summary>
internal static class ListedVersionChecks
{
    /// <summary>Each listed version is a version of the ecosystem and, when <paramref name="coverage"/> is known, lies inside it.</summary>
    public static void Check(RecordContext context, int index, IReadOnlyList<string> listed, IVersionScheme scheme,
        VersionSpan[]? coverage)
    {
        for (var k = 0; k < listed.Count; k++)
        {
            if (listed[k] is not { } text) continue;
            if (!AsciiCheck.IsAscii(text))
            {
                AsciiCheck.Report(context, Pointers.ListedVersion(index, k), text, "the listed version");
                continue;
            }
            if (!context.Versions.TryParse(scheme, text, out var version, out var error))
            {
                context.Report(LintRules.ListedVersionSyntax, Pointers.ListedVersion(index, k), error,
                    $"check it against the registry; a version that {scheme.Name} cannot read is not compared with the ranges");
                continue;
            }
            if (coverage is null || IsCovered(coverage, version)) continue;
            context.Report(LintRules.ListedVersionInRange, Pointers.ListedVersion(index, k),
                $"version {text} is listed as affected but lies outside every range",
                "scanners that read ranges and scanners that read versions disagree about it: extend a range or remove the version");
        }
    }

    private static bool IsCovered(VersionSpan[] spans, ParsedVersion version)
    {
        foreach (var span in spans)
            if (span.Contains(version)) return true;
        return false;
    }
}
