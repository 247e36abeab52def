namespace AdvisoryPipeline.Presentation;

/// <summary>A piece of a sentence that the tool writes: plain text, a link, or code (the fingerprint).</summary>
public abstract record PolicyInline;

/// <summary>Text shown as it is (encoded for the output's format).</summary>
public sealed record PolicyText(string Text) : PolicyInline;

/// <summary>
/// A link: to a page of the site (<paramref name="SitePath"/>, relative on the site and absolute elsewhere), or to an
/// address outside it (<paramref name="Url"/>). Outputs that cannot reach a site path (no <c>site_url</c>) show the text.
/// </summary>
public sealed record PolicyLink(string Text, string? Url, string? SitePath = null) : PolicyInline;

/// <summary>Text that must be copied exactly, in a code font: the key's fingerprint.</summary>
public sealed record PolicyCode(string Text) : PolicyInline;

/// <summary>A block of the policy.</summary>
public abstract record PolicyBlock;

/// <summary>A paragraph the tool writes.</summary>
public sealed record PolicyParagraph(IReadOnlyList<PolicyInline> Inlines) : PolicyBlock
{
    public PolicyParagraph(params PolicyInline[] inlines) : this((IReadOnlyList<PolicyInline>)inlines)
    {
    }
}

/// <summary>Markdown the team wrote in <c>database.yaml</c> (safe harbour, bounty): rendered as each output renders details.</summary>
public sealed record PolicyMarkdown(string Markdown) : PolicyBlock;

/// <summary>A bulleted or numbered list.</summary>
public sealed record PolicyList(bool Ordered, IReadOnlyList<PolicyListItem> Items) : PolicyBlock;

/// <summary>One item: a lead the tool writes (may be empty), then, optionally, the team's Markdown.</summary>
/// <param name="Strong">Whether the lead is a heading-like term (the report template's section titles).</param>
public sealed record PolicyListItem(IReadOnlyList<PolicyInline> Lead, string? Markdown = null, bool Strong = false);

/// <summary>A section: its heading, the fragment it is linked by, its blocks.</summary>
public sealed record PolicySection(string Title, string Anchor, IReadOnlyList<PolicyBlock> Blocks);

/// <summary>
/// The security policy as one document, built once from <see cref="PolicySettings"/> and written by the site's
/// policy page and by SECURITY.md, so the two always say the same (security.txt is its machine-readable summary).
/// Sections follow the policies teams publish: how to report and encrypt, what to include, scope, how reports are
/// handled, disclosure and embargo, safe harbour, rewards.
/// </summary>
public sealed record PolicyDocument(string Title, IReadOnlyList<PolicyBlock> Introduction, IReadOnlyList<PolicySection> Sections)
{
    public const string DefaultTitle = "Security policy";

    public static PolicyDocument For(RenderSettings settings)
    {
        var policy = settings.Policy ?? throw new ArgumentException("The settings have no policy.", nameof(settings));
        var config = policy.Config;
        var name = SingleLineText.Of(settings.DatabaseName);
        var sections = new List<PolicySection> { Reporting(policy) };

        if (config.ReportTemplate is { Count: > 0 } template)
            sections.Add(new PolicySection("What to include in a report", "report-template",
            [
                new PolicyParagraph(new PolicyText("Please give us what you know in these sections; leave out what you do not know yet.")),
                new PolicyList(true, [.. template.Select(section => new PolicyListItem(
                    [new PolicyText(SingleLineText.Of(section.Title))], section.Description, Strong: true))]),
            ]));

        var scope = new List<PolicyBlock>();
        if (config.Scope is { Count: > 0 } inScope)
        {
            scope.Add(new PolicyParagraph(new PolicyText("This policy covers:")));
            scope.Add(MarkdownList(inScope, ordered: false));
        }
        if (config.OutOfScope is { Count: > 0 } outOfScope)
        {
            scope.Add(new PolicyParagraph(new PolicyText("It does not cover:")));
            scope.Add(MarkdownList(outOfScope, ordered: false));
        }
        if (scope.Count > 0) sections.Add(new PolicySection("Scope", "scope", scope));

        if (config.Handling is { Count: > 0 } handling)
            sections.Add(new PolicySection("How we handle a report", "handling", [MarkdownList(handling, ordered: true)]));

        sections.Add(Disclosure(policy));
        if (config.SafeHarbor is { } harbour)
            sections.Add(new PolicySection("Safe harbour", "safe-harbour", [new PolicyMarkdown(harbour)]));
        if (config.Bounty is { } bounty)
            sections.Add(new PolicySection("Bug bounty", "bug-bounty", [new PolicyMarkdown(bounty)]));

        return new PolicyDocument(DefaultTitle,
        [
            new PolicyParagraph(new PolicyText($"How to report a security vulnerability to the team that publishes {name}, and what happens after you do.")),
        ], sections);
    }

    private static PolicySection Reporting(PolicySettings policy)
    {
        var blocks = new List<PolicyBlock>
        {
            new PolicyParagraph(new PolicyText(
                "Please report a vulnerability privately, never in a public issue, pull request, forum or chat. Write to us at:")),
            new PolicyList(false, [.. policy.Config.Contacts.Select(contact => new PolicyListItem([Contact(contact)]))]),
        };
        if (policy.Key is { } key)
        {
            var keyText = new List<PolicyInline>
            {
                new PolicyText("Encrypt your report to our "),
                new PolicyLink("OpenPGP key", null, SitePath: SiteLinks.PolicyKeyPath),
                new PolicyText(", whose fingerprint is "),
                new PolicyCode(key.Fingerprint.Display),
                new PolicyText(key.ExpiresAt is { } expires ? $" (valid until {DisplayTime.Date(expires)})." : "."),
            };
            blocks.Add(new PolicyParagraph(keyText));
            blocks.Add(new PolicyParagraph(new PolicyText(
                "Compare the fingerprint with the one in your keyring before you encrypt; it is the same on every page where we publish it.")));
        }
        if (policy.Config.PreferredLanguages is { Count: > 0 } languages)
            blocks.Add(new PolicyParagraph(new PolicyText("Languages we read reports in (language tags): " + string.Join(", ", languages) + ".")));
        return new PolicySection("Reporting a vulnerability", "reporting", blocks);
    }

    private static PolicySection Disclosure(PolicySettings policy)
    {
        var blocks = new List<PolicyBlock>
        {
            new PolicyParagraph(new PolicyText(
                $"We agree on the public date with you. A vulnerability stays private while we fix it, and at most {policy.Config.EmbargoDays} days after your report; please keep it private until then.")),
        };
        if (policy.PrenotifyDays is { } days)
            blocks.Add(new PolicyParagraph(new PolicyText(
                $"Before the public date, operating-system distributions and other redistributors may be told under embargo, in encrypted mail, at most {days} days ahead, so that fixed packages are ready when the advisory appears.")));
        blocks.Add(new PolicyParagraph(
            new PolicyText("Every advisory is then published on "),
            new PolicyLink("this site", null, SitePath: ""),
            new PolicyText(", as an OSV record, and in the "),
            new PolicyLink("Atom feed", null, SitePath: SiteLinks.FeedPath),
            new PolicyText(". This policy is also published for tools as "),
            new PolicyLink("security.txt", null, SitePath: SiteLinks.SecurityTxtPath),
            new PolicyText(" (RFC 9116).")));
        return new PolicySection("Disclosure", "disclosure", blocks);
    }

    private static PolicyList MarkdownList(IReadOnlyList<string> items, bool ordered) =>
        new(ordered, [.. items.Select(item => new PolicyListItem([], item))]);

    /// <summary>A contact as people read it: the address of a mailto:, the number of a tel:, the URL of a web form.</summary>
    private static PolicyInline Contact(string contact)
    {
        if (contact.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            return new PolicyLink(Uri.UnescapeDataString(contact["mailto:".Length..].Split('?')[0]), contact);
        if (contact.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
            return new PolicyLink(contact["tel:".Length..], contact);
        return new PolicyLink(contact, contact);
    }
}
