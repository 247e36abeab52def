using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Lint;

/// <summary>OSV105, OSV106, OSV306: rules that need every advisory of the database, run on their summaries.</summary>
internal static class DatabaseChecks
{
    public static void Check(IReadOnlyList<LintSummary> summaries, DatabaseConfig config, FindingList findings)
    {
        var ordered = summaries.ToArray();
        Array.Sort(ordered, static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        if (findings.IsOn(LintRules.UniqueId)) CheckUniqueIds(ordered, findings);
        if (findings.IsOn(LintRules.AliasClaimedOnce)) CheckAliasClaims(ordered, findings);
        if (findings.IsOn(LintRules.RegisteredPrefix)) CheckPrefixes(ordered, config, findings);
    }

    private static void CheckUniqueIds(LintSummary[] summaries, FindingList findings)
    {
        var byId = new Dictionary<string, List<LintSummary>>(summaries.Length, StringComparer.Ordinal);
        foreach (var summary in summaries)
        {
            if (summary.Id.Value.Length == 0) continue;
            if (byId.TryGetValue(summary.Id.Value, out var list)) list.Add(summary);
            else byId[summary.Id.Value] = [summary];
        }
        foreach (var (id, holders) in byId)
        {
            if (holders.Count < 2) continue;
            foreach (var holder in holders)
                findings.Add(LintRules.UniqueId, holder.Id.Where,
                    $"the id {id} is also the id of {Others(holders, holder, h => h.Id.Where.ToString())}",
                    "give each advisory its own id; the next free one is the highest number of the year plus one", "/id");
        }
    }

    /// <summary>
    /// An alias says "this advisory is that vulnerability in these packages", so two advisories claiming one alias are
    /// duplicates when they cover a package in common. Databases that keep one record per package (PyPA: tensorflow,
    /// tensorflow-cpu and tensorflow-gpu share a CVE) give each package's record the same alias, which is right.
    /// Withdrawn advisories are left out: withdrawing a duplicate in favour of another is how duplicates are resolved.
    /// </summary>
    private static void CheckAliasClaims(LintSummary[] summaries, FindingList findings)
    {
        var claims = new Dictionary<string, List<AliasClaim>>(StringComparer.Ordinal);
        foreach (var summary in summaries)
        {
            if (summary.Withdrawn) continue;
            for (var i = 0; i < summary.Aliases.Count; i++)
            {
                var alias = summary.Aliases[i].Value;
                if (!claims.TryGetValue(alias, out var list)) claims[alias] = list = [];
                if (list.Count == 0 || !ReferenceEquals(list[^1].Holder, summary)) list.Add(new AliasClaim(summary, i));
            }
        }
        foreach (var (alias, holders) in claims)
        {
            if (holders.Count < 2) continue;
            // Claims by package, so that finding a claim's duplicates costs the size of its answer, not of all claims.
            var byPackage = new Dictionary<string, List<AliasClaim>>(StringComparer.Ordinal);
            var anyPackage = new List<AliasClaim>();
            foreach (var claim in holders)
            {
                if (claim.Holder.Packages.Count == 0) anyPackage.Add(claim);
                foreach (var package in claim.Holder.Packages)
                {
                    if (!byPackage.TryGetValue(package, out var list)) byPackage[package] = list = [];
                    list.Add(claim);
                }
            }
            foreach (var claim in holders)
            {
                var duplicates = DuplicatesOf(claim, holders, byPackage, anyPackage);
                if (duplicates.Count < 2) continue;
                findings.Add(LintRules.AliasClaimedOnce, claim.Where,
                    $"{alias} is also an alias of {Others(duplicates, claim, other => $"{other.Holder.Id.Value} ({other.Where})")}{Shared(claim.Holder, duplicates)}",
                    "one advisory per vulnerability and package: merge the advisories and withdraw the other, or correct the alias",
                    Pointers.Item("/aliases", claim.Index));
            }
        }
    }

    /// <summary>The claims of the alias whose advisories cover a package that <paramref name="claim"/>'s covers, itself included.</summary>
    private static List<AliasClaim> DuplicatesOf(AliasClaim claim, List<AliasClaim> holders,
        Dictionary<string, List<AliasClaim>> byPackage, List<AliasClaim> anyPackage)
    {
        var packages = claim.Holder.Packages;
        if (packages.Count == 0) return holders;
        if (packages.Count == 1 && anyPackage.Count == 0) return byPackage[packages[0]];
        var seen = new HashSet<AliasClaim>();
        var duplicates = new List<AliasClaim>();
        foreach (var other in packages.SelectMany(package => byPackage[package]).Concat(anyPackage))
            if (seen.Add(other)) duplicates.Add(other);
        return duplicates;
    }

    /// <summary>The package the claim's advisory shares with the first other duplicate, as the message names it; empty when it names none.</summary>
    private static string Shared(LintSummary holder, List<AliasClaim> duplicates)
    {
        var other = duplicates.First(d => !ReferenceEquals(d.Holder, holder)).Holder;
        var common = holder.Packages.Intersect(other.Packages, StringComparer.Ordinal).FirstOrDefault();
        return common is null ? "" : $" for the same package ({common})";
    }

    /// <summary>Once per unregistered prefix, at its first advisory: the prefix is a property of the database, not of each record.</summary>
    private static void CheckPrefixes(LintSummary[] summaries, DatabaseConfig config, FindingList findings)
    {
        var byPrefix = new Dictionary<string, (LintSummary First, int Count)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var summary in summaries)
        {
            var id = summary.Id.Value;
            if (id.Length == 0 || OsvPrefixes.IsRegisteredOrPrivate(id)) continue;
            var prefix = AdvisoryId.Read(id, config.IdPrefix).Prefix;
            if (byPrefix.TryGetValue(prefix, out var seen)) byPrefix[prefix] = (seen.First, seen.Count + 1);
            else
            {
                byPrefix[prefix] = (summary, 1);
                order.Add(prefix);
            }
        }
        foreach (var prefix in order)
        {
            var (first, count) = byPrefix[prefix];
            var others = count > 1 ? $" (and {count - 1} more advisories)" : "";
            findings.Add(LintRules.RegisteredPrefix, first.Id.Where,
                $"the id prefix {prefix} is not registered with OSV{others}",
                "register it in the OSV schema (https://ossf.github.io/osv-schema/#id-modified-fields) so that OSV tools accept the ids, or use x_ for private ids",
                "/id");
        }
    }

    /// <summary>The most others a finding names; 5,000 advisories claiming one alias must not print 25 million names.</summary>
    private const int MaxNamed = 5;

    /// <summary>The others of <paramref name="all"/> than <paramref name="self"/>: the first few by name, then how many more.</summary>
    private static string Others<T>(List<T> all, T self, Func<T, string> describe)
    {
        var named = new List<string>(MaxNamed);
        for (var i = 0; i < all.Count && named.Count < MaxNamed; i++)
            if (!EqualityComparer<T>.Default.Equals(all[i], self)) named.Add(describe(all[i]));
        var more = all.Count - 1 - named.Count;
        return more > 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{string.Join(", ", named)} and {more:N0} more")
            : string.Join(", ", named);
    }

    /// <summary>Alias number <see cref="Index"/> of <see cref="Holder"/>.</summary>
    private readonly record struct AliasClaim(LintSummary Holder, int Index)
    {
        public SourceLocation Where => Holder.Aliases[Index].Where;
    }
}
