namespace AdvisoryPipeline.Diagnostics;

/// <summary>
/// Removes secrets (a GitHub token, a CVE Services API key) from any text that may reach the user: messages built
/// from a remote service's answers, or from an exception.
/// </summary>
public sealed class SecretRedactor(params string[] secrets)
{
    public const string Mask = "***";

    private readonly string[] _secrets = [.. secrets.Where(secret => secret.Length > 0).OrderByDescending(secret => secret.Length)];

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        foreach (var secret in _secrets) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        return text;
    }
}
