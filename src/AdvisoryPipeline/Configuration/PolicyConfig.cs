namespace AdvisoryPipeline.Configuration;

/// <summary>
/// The <c>policy:</c> block of <c>database.yaml</c>: how to report a vulnerability to the team and what happens then.
/// <c>advisory render</c> writes the site's policy page, <c>SECURITY.md</c> and <c>/.well-known/security.txt</c>
/// (RFC 9116) from it, so that they never disagree.
/// </summary>
/// <param name="Contacts">Where to report, in order of preference: <c>mailto:</c>, <c>https:</c> or <c>tel:</c> URIs.</param>
/// <param name="EncryptionKey">The team's OpenPGP public key file, relative to <c>database.yaml</c>; its fingerprint is read from it.</param>
/// <param name="Scope">What the policy covers (Markdown, one item each).</param>
/// <param name="OutOfScope">What it does not cover.</param>
/// <param name="ReportTemplate">The sections a report should have, in order.</param>
/// <param name="Handling">How a report is handled, step by step (Markdown, one step each).</param>
/// <param name="EmbargoDays">The longest time the team keeps a fixed vulnerability private, from the report.</param>
/// <param name="SafeHarbor">The safe-harbour promise to good-faith researchers (Markdown).</param>
/// <param name="Bounty">What the team says about rewards, e.g. that there is no bug bounty (Markdown).</param>
/// <param name="PreferredLanguages">Languages reports may be written in, as language tags (<c>en</c>, <c>de</c>).</param>
/// <param name="Acknowledgments">An https page that thanks reporters (security.txt's Acknowledgments).</param>
/// <param name="ExpiresAfterDays">security.txt's Expires: this many days after the first day of the render's month (RFC 9116 advises less than a year).</param>
public sealed record PolicyConfig(
    IReadOnlyList<string> Contacts,
    string? EncryptionKey = null,
    IReadOnlyList<string>? Scope = null,
    IReadOnlyList<string>? OutOfScope = null,
    IReadOnlyList<ReportSectionConfig>? ReportTemplate = null,
    IReadOnlyList<string>? Handling = null,
    int EmbargoDays = PolicyConfig.DefaultEmbargoDays,
    string? SafeHarbor = null,
    string? Bounty = null,
    IReadOnlyList<string>? PreferredLanguages = null,
    string? Acknowledgments = null,
    int ExpiresAfterDays = PolicyConfig.DefaultExpiresAfterDays)
{
    public const int DefaultEmbargoDays = 90;
    public const int DefaultExpiresAfterDays = 180;

    /// <summary>RFC 9116, section 2.5.5: Expires should be less than a year into the future.</summary>
    public const int MaxExpiresAfterDays = 364;

    /// <summary>The mail addresses among the contacts, in order (<c>mailto:security@example.org</c> gives the address).</summary>
    public IEnumerable<string> ContactAddresses => Contacts
        .Where(c => c.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        .Select(c => Uri.UnescapeDataString(c["mailto:".Length..].Split('?')[0]));
}

/// <param name="Title">The section's heading, e.g. "Affected artifacts and versions".</param>
/// <param name="Description">What to write in it (Markdown).</param>
public sealed record ReportSectionConfig(string Title, string? Description = null);
