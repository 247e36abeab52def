using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.OpenPgp;

/// <summary>
/// An OpenPGP public key file that cannot be used: unreadable, not a key, several keys, a secret key where a public
/// one belongs, or no key fit for the purpose. The message names the file and the key ID, never key material.
/// </summary>
public sealed class OpenPgpKeyException(string message) : UsageException(message);
