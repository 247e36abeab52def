namespace AdvisoryPipeline.Rendering.Mail.Signing;

/// <summary>
/// A signing key that cannot be used, as one line for the user. Messages name the file and the key ID,
/// never key material or the passphrase, and carry no inner exception that might.
/// </summary>
public sealed class SigningKeyException(string message) : Exception(message);
