using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// One alias page: a redirect to <see cref="Target"/>, or, when no single advisory owns the alias, a page
/// listing every advisory that claims it.
/// </summary>
internal sealed record AliasPage(string Alias, IReadOnlyList<AdvisoryView> Claimants, AdvisoryView? Target);

/// <summary>
/// Decides which aliases get a page and where it leads. An alias claimed by one advisory redirects to it.
/// Claimed by several, it redirects to the only one that is not withdrawn (the usual case: a duplicate was
/// withdrawn in favour of the other); otherwise its page lists the claimants and redirects nowhere,
/// because picking one would silently hide the others. An alias that is itself an advisory ID of the site
/// gets no page (the advisory's own page is there), nor does one that cannot be a folder name.
/// </summary>
internal static class AliasPlan
{
    public static IReadOnlyList<AliasPage> For(IReadOnlyList<AdvisoryView> advisories, ICollection<Finding> findings)
    {
        var ids = advisories.Select(a => a.Id).ToHashSet(SiteFolderNames.Comparer);
        var claims = new SortedDictionary<string, Claim>(SiteFolderNames.Comparer);
        foreach (var advisory in advisories)
        {
            for (var i = 0; i < advisory.Aliases.Count; i++)
            {
                var alias = advisory.Aliases[i];
                if (ids.Contains(alias)) continue;
                if (!SiteFolderNames.IsUsable(alias))
                {
                    findings.Add(new Finding("SITE003", FindingLevel.Warning,
                        $"Alias '{ReadableText.Clean(alias)}' cannot be a folder name of the site, so it gets no redirect page.",
                        SourceLocation.WholeFile(advisory.Id), "Aliases are identifiers such as CVE-2025-1234 or GHSA-xxxx-xxxx-xxxx.",
                        $"/aliases/{i}"));
                    continue;
                }
                if (!claims.TryGetValue(alias, out var claim)) claims[alias] = claim = new Claim();
                claim.Spellings.Add(alias);
                if (!claim.Claimants.Contains(advisory)) claim.Claimants.Add(advisory);
            }
        }

        var pages = new List<AliasPage>(claims.Count);
        foreach (var claim in claims.Values)
        {
            // Spellings that differ in case share one folder; the ordinal first (CVE before cve) names it.
            var alias = claim.Spellings.Min(StringComparer.Ordinal)!;
            var claimants = claim.Claimants;
            claimants.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            var active = claimants.Where(c => !c.IsWithdrawn).ToList();
            var target = claimants.Count == 1 ? claimants[0] : active.Count == 1 ? active[0] : null;
            if (target is null)
                findings.Add(new Finding("SITE002", FindingLevel.Warning,
                    $"Alias {alias} is claimed by {string.Join(", ", claimants.Select(c => c.Id))}; its page lists them instead of redirecting.",
                    SourceLocation.WholeFile(claimants[0].Id), "Withdraw the duplicate advisory, or remove the alias from all but one."));
            pages.Add(new AliasPage(alias, claimants, target));
        }
        return pages;
    }

    private sealed class Claim
    {
        public HashSet<string> Spellings { get; } = new(StringComparer.Ordinal);

        public List<AdvisoryView> Claimants { get; } = [];
    }
}
