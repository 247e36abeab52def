using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;

namespace AdvisoryPipeline.Lint;

/// <summary>OSV401-OSV406: which packages a record affects, named so that scanners find them.</summary>
internal static class AffectedChecks
{
    /// <summary>The schema's pseudo-ecosystem for software identified only by its repository, outside any registry.</summary>
    public const string GitEcosystem = "GIT";

    public static void Check(RecordContext context)
    {
        var affected = context.Record.Affected;
        if (affected is null || affected.Count == 0)
        {
            if (!context.Record.IsWithdrawn)
                context.ReportAtKey(LintRules.HasAffected, "/affected", "the record names no affected package",
                    "add an affected entry with the package and its vulnerable versions, or withdraw the record");
            return;
        }
        for (var i = 0; i < affected.Count; i++)
            if (affected[i]?.Package is { } package)
                CheckPackage(context, i, package);
    }

    private static void CheckPackage(RecordContext context, int index, OsvPackage package)
    {
        // A missing ecosystem or name is the schema's to report; nothing here can be judged without them.
        if (package.Ecosystem is not { } ecosystem || package.Name is not { } name) return;
        var pointer = Pointers.Affected(index) + "/package";
        if (!CheckEcosystem(context, pointer + "/ecosystem", ecosystem)) return;
        if (ecosystem == GitEcosystem) return;

        if (PackageNames.Problem(ecosystem, name) is { } problem)
            context.Report(LintRules.ValidPackageName, pointer + "/name", $"{Quoted(name)} is not a valid {ecosystem} package name: {problem}",
                "write the name exactly as the package registry shows it");
        else if (!PackageNames.IsCanonical(ecosystem, name, out var canonical))
            context.Report(LintRules.CanonicalPackageName, pointer + "/name",
                $"the {Ecosystem.BaseName(ecosystem)} package name {Quoted(name)} is not in canonical form",
                $"write name: {canonical}");

        if (package.Purl is { } purlText) CheckPurl(context, pointer + "/purl", purlText, ecosystem, name);
    }

    /// <summary>True when the ecosystem is known, so that name and purl checks can rely on it.</summary>
    private static bool CheckEcosystem(RecordContext context, string pointer, string ecosystem)
    {
        if (ecosystem != GitEcosystem && !Ecosystem.TryParse(ecosystem, out _, out var error))
        {
            context.Report(LintRules.KnownEcosystem, pointer, error,
                "use an ecosystem defined at https://ossf.github.io/osv-schema/#defined-ecosystems");
            return false;
        }
        if (context.Config.Ecosystems is { Count: > 0 } allowed && !IsAllowed(allowed, ecosystem))
            context.Report(LintRules.AllowedEcosystem, pointer,
                $"{Quoted(ecosystem)} is not one of this database's ecosystems ({string.Join(", ", allowed)})",
                "correct the ecosystem, or add it to ecosystems in database.yaml");
        return true;
    }

    private static bool IsAllowed(IReadOnlyList<string> allowed, string ecosystem)
    {
        var baseName = Ecosystem.BaseName(ecosystem);
        foreach (var entry in allowed)
            if (string.Equals(entry, ecosystem, StringComparison.Ordinal) || string.Equals(entry, baseName, StringComparison.Ordinal))
                return true;
        return false;
    }

    private static void CheckPurl(RecordContext context, string pointer, string text, string ecosystem, string name)
    {
        if (context.Caches.Purls.GetOrAdd((ecosystem, name, text), 0, static (key, _) => Problem(key.Ecosystem, key.Name, key.Purl)) is { } problem)
            context.Report(LintRules.PurlMatchesPackage, pointer, problem, PurlHint(ecosystem, name));
    }

    /// <summary>Why the purl does not identify the package, or null; cached per run, as advisories of one package repeat it.</summary>
    private static string? Problem(string ecosystem, string name, string text)
    {
        if (!Purl.TryParse(text, out var purl, out var error)) return error;
        var check = purl.CheckAgainst(ecosystem, name);
        return check.Verdict == PurlVerdict.Inconsistent ? $"the purl {text} does not identify this package: {check.Reason}" : null;
    }

    private static string PurlHint(string ecosystem, string name) =>
        Purl.For(ecosystem, name) is { } expected ? $"write purl: {expected}" : "correct or remove the purl";

    private static string Quoted(string text) => "\"" + text + "\"";
}
