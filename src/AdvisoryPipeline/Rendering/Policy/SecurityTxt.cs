using System.Globalization;
using System.Text;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Policy;

/// <summary>
/// <c>/.well-known/security.txt</c> (RFC 9116) from the policy: Contact (every contact, in the policy's order of
/// preference), Expires (exactly once, <see cref="PolicySettings.ExpiresAt"/>: renewed monthly), Encryption (the key on the site and
/// its <c>openpgp4fpr:</c> URI), Acknowledgments, Preferred-Languages, Canonical and Policy. Only fields of the IANA
/// registry are written, each URI absolute; those that need the site's address are left out without <c>site_url</c>,
/// and web URIs that are not https too (the RFC requires https). Lines end with LF; the comment above the fields
/// shows the key's fingerprint as every other output does. Clear-signing is the caller's (it needs the secret key).
/// </summary>
public static class SecurityTxt
{
    /// <summary>The field names of RFC 9116's registry (section 6.4), as written.</summary>
    public static IReadOnlyList<string> RegisteredFields { get; } =
        ["Acknowledgments", "Canonical", "Contact", "CSAF", "Encryption", "Expires", "Hiring", "Policy", "Preferred-Languages"];

    public static string Write(RenderSettings settings, DateTimeOffset now)
    {
        var policy = settings.Policy ?? throw new ArgumentException("The settings have no policy.", nameof(settings));
        var links = settings.Links;
        var text = new StringBuilder();
        text.Append("# The security contact of ").Append(SingleLineText.Of(settings.DatabaseName)).Append(" (RFC 9116).\n");
        if (links.Absolute(SiteLinks.PolicyPagePath) is { } policyPage && IsHttps(policyPage))
            text.Append("# How to report a vulnerability and what happens then: ").Append(policyPage).Append('\n');
        if (policy.Key is { } key)
            text.Append("# OpenPGP key fingerprint: ").Append(key.Fingerprint.Display).Append('\n');
        text.Append('\n');

        foreach (var contact in policy.Config.Contacts)
            if (!contact.StartsWith("http", StringComparison.OrdinalIgnoreCase) || IsHttps(contact))
                Field(text, "Contact", contact);
        Field(text, "Expires", policy.ExpiresAt(now).UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture));
        if (policy.Key is { } encryptionKey)
        {
            if (links.Absolute(SiteLinks.PolicyKeyPath) is { } keyUrl && IsHttps(keyUrl)) Field(text, "Encryption", keyUrl);
            Field(text, "Encryption", encryptionKey.Fingerprint.Uri);
        }
        if (policy.Config.Acknowledgments is { } thanks) Field(text, "Acknowledgments", thanks);
        if (policy.Config.PreferredLanguages is { Count: > 0 } languages) Field(text, "Preferred-Languages", string.Join(", ", languages));
        if (links.Absolute(SiteLinks.SecurityTxtPath) is { } canonical && IsHttps(canonical)) Field(text, "Canonical", canonical);
        if (links.Absolute(SiteLinks.PolicyPagePath) is { } policyUrl && IsHttps(policyUrl)) Field(text, "Policy", policyUrl);
        return text.ToString();
    }

    private static void Field(StringBuilder text, string name, string value) =>
        text.Append(name).Append(": ").Append(SingleLineText.Of(value)).Append('\n');

    private static bool IsHttps(string url) => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
