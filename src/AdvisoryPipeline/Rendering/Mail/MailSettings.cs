namespace AdvisoryPipeline.Rendering.Mail;

/// <summary>
/// The announcement mail's addresses and subject, as <c>mailing_list</c> in <c>database.yaml</c> gives them.
/// Addresses are RFC 5322 text (<c>Tessera Security Team &lt;security@tessera-project.org&gt;</c>); the
/// subject template replaces <c>{id}</c>, <c>{summary}</c> and <c>{database}</c>.
/// </summary>
public sealed record MailSettings(string To, string From, string? ReplyTo, string SubjectTemplate = MailSettings.DefaultSubjectTemplate)
{
    public const string DefaultSubjectTemplate = "[SECURITY] {id}: {summary}";
}
