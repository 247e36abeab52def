namespace AdvisoryPipeline.Rendering.Mail;

/// <summary>A mail setting that cannot be used, named by its key in <c>database.yaml</c> (<c>mailing_list.from</c>).</summary>
public sealed class MailSettingsException(string setting, string message) : Exception($"{setting}: {message}")
{
    public string Setting { get; } = setting;
}
