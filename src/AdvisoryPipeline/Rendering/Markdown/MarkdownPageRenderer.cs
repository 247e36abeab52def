using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Markdown;

/// <summary>
/// One advisory as a Markdown page for github.com: title, withdrawal banner, identifiers, severity, a table
/// of affected packages, the author's details, credits, references and a timeline. Every value from the
/// record is escaped; only http, https and mailto URLs become links.
/// </summary>
public static class MarkdownPageRenderer
{
    /// <summary>Headings in the details start here, under the page's own level-2 sections.</summary>
    private const int DetailsHeadingLevel = 3;

    /// <summary>The page's file name, which the index links to: <c>TSSA-2026-1.md</c>.</summary>
    public static string FileName(string id) => id + ".md";

    public static string Render(AdvisoryView advisory, RenderSettings settings)
    {
        var page = new MarkdownBlocks();
        page.Heading(1, advisory.Title == advisory.Id
            ? MarkdownText.Escape(advisory.Id)
            : $"{MarkdownText.Escape(advisory.Id)}: {MarkdownText.Escape(advisory.Title)}");
        if (advisory.IsWithdrawn)
            page.Block(WithdrawnAlert(advisory.Withdrawn));
        page.List(Identifiers(advisory, settings));
        WriteSeverity(page, advisory);
        WriteAffected(page, advisory);
        if (advisory.DetailsMarkdown is { } details)
        {
            page.Heading(2, "Details");
            page.Block(MarkdownDetails.Embed(details, DetailsHeadingLevel));
        }
        WriteCredits(page, advisory);
        WriteReferences(page, advisory);
        WriteTimeline(page, advisory);
        WriteFooter(page, advisory, settings);
        return page.ToString();
    }

    /// <summary>An identifier linked to its public page (CVE, GHSA, CWE) or to its sibling page in this database.</summary>
    private static string Identifier(string id, RenderSettings settings) =>
        IdentifierLinks.UrlOf(id) is { } url ? MarkdownText.Link(id, url)
        : settings.IsOwnId(id) ? MarkdownText.RelativeLink(id, FileName(id))
        : MarkdownText.Escape(id);

    private static string WithdrawnAlert(DateTimeOffset? withdrawn) =>
        "> [!WARNING]\n> **This advisory was withdrawn"
        + (withdrawn is { } at ? $" on {DisplayTime.Full(at)}" : "")
        + ".** It no longer applies; it is kept so that tools which imported it learn of the withdrawal.";

    private static IEnumerable<string> Identifiers(AdvisoryView advisory, RenderSettings settings)
    {
        string Join(IEnumerable<string> ids) => string.Join(", ", ids.Select(id => Identifier(id, settings)));
        if (advisory.Aliases.Count > 0) yield return "**Aliases:** " + Join(advisory.Aliases);
        if (advisory.Upstream.Count > 0) yield return "**Upstream:** " + Join(advisory.Upstream);
        if (advisory.Related.Count > 0) yield return "**Related:** " + Join(advisory.Related);
        if (advisory.CweIds.Count > 0) yield return "**Weaknesses:** " + Join(advisory.CweIds);
    }

    private static void WriteSeverity(MarkdownBlocks page, AdvisoryView advisory)
    {
        var lines = advisory.Severities.Select(Severity)
            .Concat(advisory.Affected.SelectMany(package => package.Severities.Select(severity =>
                $"{MarkdownText.Escape(package.Package)} ({MarkdownText.Escape(package.Ecosystem)}): {Severity(severity)}")))
            .ToList();
        if (lines.Count == 0) return;
        page.Heading(2, "Severity");
        page.List(lines);
    }

    private static string Severity(SeverityView severity)
    {
        var parts = new List<string>();
        if (severity.RatingAndScore is { } rating) parts.Add($"**{MarkdownText.Escape(rating)}**");
        parts.Add(MarkdownText.Escape(severity.TypeLabel));
        // An Ubuntu priority is its own rating; CVSS vectors are shown so that readers can check the score.
        if (severity.Type != "Ubuntu") parts.Add(MarkdownText.Code(severity.Vector));
        return string.Join(" · ", parts);
    }

    private static void WriteAffected(MarkdownBlocks page, AdvisoryView advisory)
    {
        if (advisory.Affected.Count == 0) return;
        var withSeverity = advisory.Affected.Any(a => a.Severities.Count > 0);
        string[] headers = withSeverity
            ? ["Ecosystem", "Package", "Affected versions", "Fixed versions", "Severity"]
            : ["Ecosystem", "Package", "Affected versions", "Fixed versions"];
        var table = new MarkdownTable(headers);
        foreach (var package in advisory.Affected)
        {
            string[] cells =
            [
                MarkdownText.Escape(package.Ecosystem),
                package.Ecosystem == "GIT" ? MarkdownText.Url(package.Package) : MarkdownText.Escape(package.Package),
                AffectedVersions(package),
                FixedVersions(package),
            ];
            table.AddRow(withSeverity
                ? [.. cells, MarkdownText.Escape(SeverityView.Highest(package.Severities)?.RatingAndScore ?? MarkdownTable.NoValue)]
                : cells);
        }
        page.Heading(2, "Affected packages");
        page.Block(table.ToString());
        // A long list would stretch its table cell over screens (PyPA lists every release since the first commit).
        foreach (var package in advisory.Affected.Where(ListsVersionsBelow))
            page.Block($"**{MarkdownText.Escape(package.Package)} ({MarkdownText.Escape(package.Ecosystem)}), "
                + $"{package.ExplicitVersions.Count} listed versions:** {MarkdownText.Escape(string.Join(", ", package.ExplicitVersions))}");
    }

    /// <summary>Versions shown beside GIT ranges, as few in the table, as many below it.</summary>
    private const int VersionsInTable = 5;

    private static bool ShowsVersions(AffectedPackageView package) =>
        package.Ranges.Any(r => r.IsGit) && package.ExplicitVersions.Count > 0;

    private static bool ListsVersionsBelow(AffectedPackageView package) =>
        ShowsVersions(package) && package.ExplicitVersions.Count > VersionsInTable;

    private static string AffectedVersions(AffectedPackageView package)
    {
        if (package.Ranges.Count == 0) return MarkdownText.Escape(package.AffectedText);
        var text = string.Join("; ", package.Ranges.Select(range => range.IsGit
            ? string.Concat(range.Parts.Select(Part))
            : range.FormatAffected(MarkdownText.Escape)));
        // Tags name GIT ranges' commits in a way readers recognise; for other ranges the list repeats the range.
        if (ListsVersionsBelow(package))
            text += $" ({package.ExplicitVersions.Count} listed versions, below the table)";
        else if (ShowsVersions(package))
            text += " (versions: " + MarkdownText.Escape(string.Join(", ", package.ExplicitVersions)) + ")";
        return text;
    }

    private static string FixedVersions(AffectedPackageView package)
    {
        var fixes = package.Ranges.SelectMany(range => range.IsGit
                ? range.FixedCommits.Select(Commit)
                : range.Fixed.Select(MarkdownText.Escape))
            .Distinct(StringComparer.Ordinal).ToList();
        return fixes.Count == 0 ? MarkdownTable.NoValue : string.Join(", ", fixes);
    }

    /// <summary>A piece of a range's text: its words escaped (keeping the spaces around them), a commit linked.</summary>
    private static string Part(RangeTextPart part) =>
        part.Commit is { } commit ? Commit(commit)
        : (part.Text.StartsWith(' ') ? " " : "") + MarkdownText.Escape(part.Text) + (part.Text.EndsWith(' ') && part.Text.Trim().Length > 0 ? " " : "");

    /// <summary>A commit by its short hash, linked to the repository's page of it (the full hash) where that is known.</summary>
    private static string Commit(CommitLink commit) =>
        commit.Url is { } url ? MarkdownText.Link(commit.ShortSha, url) : MarkdownText.Escape(commit.ShortSha);

    private static void WriteCredits(MarkdownBlocks page, AdvisoryView advisory)
    {
        if (advisory.Credits.Count == 0) return;
        page.Heading(2, "Credits");
        page.List(advisory.Credits.Select(credit =>
        {
            var parts = new List<string> { MarkdownText.Escape(credit.Name) };
            if (credit.TypeLabel is { } role) parts.Add(MarkdownText.Escape(role));
            if (credit.Contacts.Count > 0) parts.Add(string.Join(", ", credit.Contacts.Select(Contact)));
            return string.Join(" — ", parts);
        }));
    }

    private static string Contact(string contact) =>
        contact.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            ? MarkdownText.Link(contact["mailto:".Length..], contact)
            : MarkdownText.Url(contact);

    private static void WriteReferences(MarkdownBlocks page, AdvisoryView advisory)
    {
        if (advisory.References.Count == 0) return;
        page.Heading(2, "References");
        page.List(advisory.References.Select(r => $"{MarkdownText.Escape(r.Label)}: {MarkdownText.Url(r.Url)}"));
    }

    private static void WriteTimeline(MarkdownBlocks page, AdvisoryView advisory)
    {
        var events = new List<string>();
        if (advisory.Published is { } published) events.Add("Published: " + DisplayTime.Full(published));
        if (advisory.Modified is { } modified) events.Add("Modified: " + DisplayTime.Full(modified));
        if (advisory.Withdrawn is { } withdrawn) events.Add("Withdrawn: " + DisplayTime.Full(withdrawn));
        if (events.Count == 0) return;
        page.Heading(2, "Timeline");
        page.List(events);
    }

    private static void WriteFooter(MarkdownBlocks page, AdvisoryView advisory, RenderSettings settings)
    {
        var parts = new List<string>
        {
            settings.HomeUrl is { } home ? MarkdownText.Link(settings.DatabaseName, home.AbsoluteUri) : MarkdownText.Escape(settings.DatabaseName),
        };
        if (settings.Links.Absolute(SiteLinks.AdvisoryPagePath(advisory.Id)) is { } pageUrl) parts.Add(MarkdownText.Link("Advisory page", pageUrl));
        if (settings.Links.Absolute(SiteLinks.OsvJsonPath(advisory.Id)) is { } jsonUrl) parts.Add(MarkdownText.Link("OSV JSON", jsonUrl));
        page.Block("---");
        page.Block(string.Join(" · ", parts));
    }
}
