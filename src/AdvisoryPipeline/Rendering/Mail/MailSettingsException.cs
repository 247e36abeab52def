using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Rendering.Mail;

/// <summary>A mail setting of <c>database.yaml</c> that cannot be used, named by its key (<c>mailing_list.from</c>).</summary>
public sealed class MailSettingsException(string setting, string message)
    : UsageException($"{DatabaseFiles.ConfigFile} {setting}: {message}")
{
    public string Setting { get; } = setting;
}
