using System.Text.Json;
using AdvisoryPipeline.Osv.Ecosystems;

namespace AdvisoryPipeline.Fixing;

/// <summary>
/// Package names and purls in canonical form. A name is rewritten only where the ecosystem treats both
/// spellings as the same package (PEP 503 for PyPI; lower case for Packagist, Hex and Pub); npm names keep
/// their case, because npm still serves legacy mixed-case packages under exactly that spelling. A purl is
/// rewritten in canonical purl form only when it agrees with its package; a purl that names another
/// package is a judgement for the author, reported by lint, and a missing purl is not added.
/// </summary>
internal static class PackageNormalization
{
    public static IEnumerable<ScalarChange> Find(JsonElement record)
    {
        foreach (var (index, affected) in RecordFields.Items(record, "affected"))
        {
            if (RecordFields.Object(affected, "package") is not { } package) continue;
            var ecosystem = RecordFields.Text(package, "ecosystem");
            var name = RecordFields.Text(package, "name");
            if (ecosystem is null || name is null || !Ecosystem.TryParse(ecosystem, out _)) continue;

            var canonicalName = PackageNames.SafeCanonical(ecosystem, name);
            if (canonicalName != name)
                yield return new ScalarChange(FixRule.CanonicalPackageName, $"/affected/{index}/package/name", false, canonicalName, false,
                    $"write the {Ecosystem.BaseName(ecosystem)} package name in canonical form: {name} -> {canonicalName}");

            if (RecordFields.Text(package, "purl") is not { } purlText || !Purl.TryParse(purlText, out var purl, out _)) continue;
            var canonicalPurl = purl.ToString();
            if (canonicalPurl != purlText && purl.CheckAgainst(ecosystem, canonicalName).Verdict != PurlVerdict.Inconsistent)
                yield return new ScalarChange(FixRule.CanonicalPurl, $"/affected/{index}/package/purl", false, canonicalPurl, false,
                    $"write the purl in canonical form: {purlText} -> {canonicalPurl}");
        }
    }
}
