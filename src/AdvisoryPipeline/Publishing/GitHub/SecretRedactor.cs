namespace AdvisoryPipeline.Publishing.GitHub;

/// <summary>Removes the token from any text that may reach the user (messages built from GitHub's answers).</summary>
internal sealed class SecretRedactor(string secret)
{
    public const string Mask = "***";

    public string Redact(string? text) =>
        string.IsNullOrEmpty(text) ? text ?? "" : text.Replace(secret, Mask, StringComparison.Ordinal);
}
