using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Rendering.Mail.Signing;

/// <summary>
/// A signing key that cannot be used (wrong passphrase, not valid at the moment of signing, not a signing key),
/// as one line for the user: their input, not a fault of the tool. Messages name the file and the key ID, never
/// key material or the passphrase, and carry no inner exception that might.
/// </summary>
public sealed class SigningKeyException(string message) : UsageException(message);
