using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.OpenPgp;

namespace AdvisoryPipeline.Presentation;

/// <summary>
/// What the renderers take from the database configuration: its name, where the site and the project live,
/// and the announcement mail's addresses. <see cref="From"/> maps a checked <c>database.yaml</c> into it.
/// </summary>
public sealed record RenderSettings(string DatabaseName, Uri? SiteUrl, Uri? HomeUrl, MailSettings Mail)
{
    /// <summary>The database's own ID prefix (<c>TSSA</c>): related IDs with it link to their sibling pages.</summary>
    public string? IdPrefix { get; init; }

    public SiteLinks Links => new(SiteUrl);

    /// <summary>The security policy, when <c>database.yaml</c> has a <c>policy:</c> block.</summary>
    public PolicySettings? Policy { get; init; }

    /// <summary>Whether <paramref name="id"/> is one of this database's own advisories.</summary>
    public bool IsOwnId(string id) =>
        IdPrefix is { Length: > 0 } prefix && id.Length > prefix.Length + 1
        && id.StartsWith(prefix, StringComparison.Ordinal) && id[prefix.Length] == '-';

    /// <summary>
    /// The settings of a configuration that passed its checks (URLs are absolute http(s) there). Mail
    /// addresses the configuration leaves out stay empty, and building a message then says which is missing.
    /// </summary>
    /// <param name="policyKey">The policy's key as the validation read it (<c>PublishableDatabase.PolicyKey</c>).</param>
    public static RenderSettings From(DatabaseConfig config, OpenPgpCertificate? policyKey = null) => new(
        config.Name,
        AbsoluteUri(config.SiteUrl),
        AbsoluteUri(config.HomeUrl),
        new MailSettings(
            config.MailingList?.To ?? "",
            config.MailingList?.From ?? "",
            config.MailingList?.ReplyTo,
            config.MailingList?.Subject ?? MailingListConfig.DefaultSubject))
    {
        IdPrefix = config.IdPrefix,
        Policy = config.Policy is { } policy
            ? new PolicySettings(policy, policyKey, config.Prenotify is { Count: > 0 } lists ? lists.Values.Max(l => l.MaxEmbargoDays) : null)
            : null,
    };

    private static Uri? AbsoluteUri(string? text) => Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
}

/// <summary>
/// The announcement mail's addresses and subject, as <c>mailing_list</c> in <c>database.yaml</c> gives them.
/// Addresses are RFC 5322 text (<c>Tessera Security Team &lt;security@tessera-project.org&gt;</c>); the
/// subject template replaces <c>{id}</c>, <c>{summary}</c> and <c>{database}</c>.
/// </summary>
public sealed record MailSettings(string To, string From, string? ReplyTo, string SubjectTemplate = MailingListConfig.DefaultSubject);
