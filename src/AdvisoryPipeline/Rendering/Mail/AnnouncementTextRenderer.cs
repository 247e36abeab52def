using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Mail;

/// <summary>
/// The plain-text announcement for a security mailing list, one advisory or several in one mail. For
/// each advisory: a title, its identifiers, severity and dates, the affected and fixed versions per
/// package, the details (Markdown turned into text), the workarounds as a section of their own, credits
/// and references. A footer gives every advisory's page and OSV record. Lines are wrapped at 72 columns;
/// URLs and code are never broken.
/// </summary>
public static class AnnouncementTextRenderer
{
    private const int Width = PlainTextWrapper.MailWidth;

    public static Announcement Render(IReadOnlyList<AdvisoryView> advisories, RenderSettings settings)
    {
        if (advisories.Count == 0)
            throw new ArgumentException("An announcement needs at least one advisory.", nameof(advisories));
        advisories = [.. advisories.DistinctBy(a => a.Id, StringComparer.Ordinal)];

        var text = new PlainTextDocument(Width);
        text.Paragraph(SingleLineText.Of(settings.DatabaseName));
        if (advisories.Count > 1)
        {
            text.Paragraph($"This announcement covers {advisories.Count} advisories:");
            text.Block(advisories.SelectMany(a => PlainTextWrapper.Wrap($"{a.Id}: {SingleLineText.Of(a.Title)}", Width, "- ", "  ")));
        }
        foreach (var advisory in advisories) WriteAdvisory(text, advisory);
        WriteFooter(text, advisories, settings);

        return new Announcement(
            AnnouncementSubject.For(advisories, settings),
            text.ToString(),
            AnnouncementMessageId.For(advisories, settings));
    }

    private static void WriteAdvisory(PlainTextDocument text, AdvisoryView advisory)
    {
        text.Title(advisory.Title == advisory.Id ? advisory.Id : $"{advisory.Id}: {SingleLineText.Of(advisory.Title)}", '=');
        if (advisory.IsWithdrawn)
            text.Paragraph("WITHDRAWN: this advisory was withdrawn"
                + (advisory.Withdrawn is { } at ? " on " + DisplayTime.Date(at) : "")
                + " and no longer applies.");
        text.Block(Facts(advisory).Lines(Width));
        WriteAffected(text, advisory);

        if (advisory.DetailsMarkdown is { IsTooDeep: true } tooDeep)
        {
            // Beyond the nesting limit (validation refuses it): the text as written, line by line.
            WriteSection(text, "Details", tooDeep.Text.TrimEnd().Split('\n'));
        }
        var details = DetailsSections.Of(advisory.DetailsMarkdown);
        WriteSection(text, "Details", MarkdownPlainTextRenderer.Render(details.Description, Width));
        WriteSection(text, details.WorkaroundsTitle ?? "Workarounds", MarkdownPlainTextRenderer.Render(details.Workarounds, Width));
        WriteSection(text, "Credits", advisory.Credits.SelectMany(Credit));
        WriteSection(text, "References", advisory.References.SelectMany(r =>
            PlainTextWrapper.Wrap($"{r.Label}: {SingleLineText.Of(r.Url)}", Width, "- ", "  ")));
    }

    private static FieldList Facts(AdvisoryView advisory)
    {
        var facts = new FieldList();
        facts.Add("Advisory ID", advisory.Id);
        facts.Add("Aliases", Joined(advisory.Aliases));
        facts.Add("Upstream", Joined(advisory.Upstream));
        facts.Add("Related", Joined(advisory.Related));
        facts.Add("Weaknesses", Joined(advisory.CweIds));
        facts.Add("Severity", advisory.Severities.Select(Severity));
        if (advisory.Severities.Count == 0 && advisory.Affected.Any(a => a.Severities.Count > 0))
            facts.Add("Severity", "per package, see below");
        if (advisory.Published is { } published) facts.Add("Published", DisplayTime.Date(published));
        if (advisory.Modified is { } modified && (advisory.Published is not { } p || DisplayTime.Date(p) != DisplayTime.Date(modified)))
            facts.Add("Updated", DisplayTime.Date(modified));
        if (advisory.Withdrawn is { } withdrawn) facts.Add("Withdrawn", DisplayTime.Date(withdrawn));
        return facts;
    }

    private static void WriteAffected(PlainTextDocument text, AdvisoryView advisory)
    {
        if (advisory.Affected.Count == 0) return;
        text.Title("Affected packages", '-');
        foreach (var package in advisory.Affected)
        {
            var fields = new FieldList();
            fields.Add("Affected", package.Ranges.Count == 0
                ? [SingleLineText.Of(package.AffectedText)]
                : package.Ranges.Select(range => SingleLineText.Of(range.AffectedText)));
            if (package.Ranges.Any(r => r.IsGit) && package.ExplicitVersions.Count > 0)
                fields.Add("Versions", SingleLineText.Of(string.Join(", ", package.ExplicitVersions)));
            var fixes = package.Ranges.SelectMany(range => range.Fixed.Select(version => Fixed(range, version))).Distinct(StringComparer.Ordinal).ToList();
            fields.Add("Fixed in", fixes.Count > 0 ? fixes : ["no fixed version"]);
            fields.Add("Severity", package.Severities.Select(Severity));

            var name = package.Ecosystem.Length > 0 ? $"{package.Package} ({package.Ecosystem})" : package.Package;
            text.Block([.. PlainTextWrapper.Wrap(SingleLineText.Of(name), Width), .. fields.Lines(Width, "  ")]);
        }
    }

    /// <summary>A fixing commit with the link a reader can open; a version as itself.</summary>
    private static string Fixed(AffectedRangeView range, string version)
    {
        if (!range.IsGit) return SingleLineText.Of(version);
        var commit = CommitLink.For(range.Repo, version);
        return commit.Url is { } url ? $"{SingleLineText.Of(commit.ShortSha)} <{url}>" : SingleLineText.Of(commit.Sha);
    }

    private static string Severity(SeverityView severity)
    {
        var rating = severity.RatingAndScore is { } r ? r + ", " : "";
        return severity.Type == "Ubuntu"
            ? $"{rating}{severity.TypeLabel}"
            : $"{rating}{severity.TypeLabel}: {SingleLineText.Of(severity.Vector)}";
    }

    private static IEnumerable<string> Credit(CreditView credit)
    {
        var line = SingleLineText.Of(credit.Name);
        if (credit.TypeLabel is { } role) line += $" ({role.ToLowerInvariant()})";
        foreach (var contact in credit.Contacts.Select(SingleLineText.Of))
            line += contact.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? $" <{contact["mailto:".Length..]}>" : $" <{contact}>";
        return PlainTextWrapper.Wrap(line, Width, "- ", "  ");
    }

    private static void WriteSection(PlainTextDocument text, string title, IEnumerable<string> lines)
    {
        var body = lines.ToList();
        if (body.Count == 0) return;
        text.Title(title, '-');
        text.Block(body);
    }

    private static void WriteFooter(PlainTextDocument text, IReadOnlyList<AdvisoryView> advisories, RenderSettings settings)
    {
        text.Rule('=');
        var signature = SingleLineText.Of(settings.DatabaseName);
        if (settings.HomeUrl is { } home) signature += $" <{home.AbsoluteUri}>";
        text.Paragraph(signature);
        if (settings.SiteUrl is null) return;
        foreach (var advisory in advisories)
        {
            var links = new FieldList();
            links.Add("Advisory", settings.Links.Absolute(SiteLinks.AdvisoryPagePath(advisory.Id)));
            links.Add("OSV JSON", settings.Links.Absolute(SiteLinks.OsvJsonPath(advisory.Id)));
            text.Block([advisory.Id, .. links.Lines(Width, "  ")]);
        }
    }

    private static string? Joined(IReadOnlyList<string> values) =>
        values.Count == 0 ? null : string.Join(", ", values.Select(SingleLineText.Of));
}
