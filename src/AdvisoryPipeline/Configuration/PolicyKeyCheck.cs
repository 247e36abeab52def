using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.OpenPgp;

namespace AdvisoryPipeline.Configuration;

/// <summary>The policy's key as read for a validation: the key when it can be used, and what is wrong with it.</summary>
public sealed record PolicyKeyReading(OpenPgpCertificate? Key, IReadOnlyList<Finding> Findings)
{
    public static PolicyKeyReading None { get; } = new(null, []);
}

/// <summary>
/// Reads and checks <c>policy.encryption_key</c> at the validation's moment: a key that cannot be read, holds a secret
/// part, is expired or revoked, or has no user ID with the policy's contact address is refused (CFG004–CFG006), with the
/// finding at the key's line of <c>database.yaml</c>; a key that expires within 30 days is a warning (CFG007). The key
/// is what the policy page, SECURITY.md and security.txt publish, so reporters must be able to encrypt to it.
/// </summary>
public static class PolicyKeyCheck
{
    public const string Pointer = "/policy/encryption_key";

    private static readonly TimeSpan RenewalWarning = TimeSpan.FromDays(30);

    /// <param name="configPath">The <c>database.yaml</c> the configuration came from; the key path is relative to its folder.</param>
    /// <param name="map">Its source map, to put findings on the key's line; without it they name the file.</param>
    public static PolicyKeyReading Check(DatabaseConfig config, string configPath, SourceMap? map, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Policy?.EncryptionKey is not { } keyPath) return PolicyKeyReading.None;
        var location = map?.Locate(Pointer) ?? SourceLocation.WholeFile(configPath);
        var fullPath = PathBesideConfig(configPath, keyPath);

        if (!File.Exists(fullPath))
            return new PolicyKeyReading(null, [Error(ConfigFindingCodes.UnusableKey, $"policy.encryption_key: there is no file {keyPath} (the path is relative to {DatabaseFiles.ConfigFile})",
                location, "export the team's public key with gpg --export --armor KEYID > " + keyPath)]);
        OpenPgpCertificate key;
        try
        {
            key = OpenPgpCertificate.Load(File.ReadAllBytes(fullPath), keyPath);
        }
        catch (OpenPgpKeyException e)
        {
            return new PolicyKeyReading(null, [Error(ConfigFindingCodes.UnusableKey, $"policy.encryption_key: {e.Message}", location,
                "export the team's public key with gpg --export --armor KEYID > " + keyPath)]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PolicyKeyReading(null, [Error(ConfigFindingCodes.UnusableKey, $"policy.encryption_key: cannot read {keyPath}: {e.Message}", location,
                "make the file readable, or correct the path (it is relative to database.yaml)")]);
        }

        var findings = new List<Finding>();
        if (key.IsRevoked)
            findings.Add(Error(ConfigFindingCodes.ExpiredKey, $"policy.encryption_key: the key {key.Fingerprint} in {keyPath} is revoked", location,
                "publish the team's new key: gpg --export --armor NEWKEYID > " + keyPath));
        else if (key.IsExpiredAt(now))
            findings.Add(Error(ConfigFindingCodes.ExpiredKey,
                $"policy.encryption_key: the key {key.Fingerprint} in {keyPath} expired on {key.ExpiresAt!.Value.UtcDateTime:yyyy-MM-dd}", location,
                $"extend it (gpg --quick-set-expire {key.Fingerprint.Hex} 2y) and export it again, or publish a new key"));
        else if (key.ExpiresAt is { } expires && expires - now < RenewalWarning)
            findings.Add(new Finding(ConfigFindingCodes.KeyExpiresSoon, FindingLevel.Warning,
                $"policy.encryption_key: the key {key.Fingerprint} in {keyPath} expires on {expires.UtcDateTime:yyyy-MM-dd}", location,
                $"extend it (gpg --quick-set-expire {key.Fingerprint.Hex} 2y) and export it again", Pointer));

        var addresses = config.Policy.ContactAddresses.ToList();
        if (addresses.Count > 0 && !addresses.Any(key.HasAddress))
            findings.Add(Error(ConfigFindingCodes.KeyWithoutContact,
                $"policy.encryption_key: no user ID of the key {key.Fingerprint} carries {string.Join(" or ", addresses)} (it has: {ShowAddresses(key)})",
                location, $"add the address to the key (gpg --quick-add-uid {key.Fingerprint.Hex} \"Security Team <{addresses[0]}>\") and export it again, or correct policy.contacts"));
        return new PolicyKeyReading(findings.Any(f => f.IsError) ? null : key, findings);
    }

    /// <summary>A file named in <c>database.yaml</c>: relative paths are relative to the file's folder.</summary>
    public static string PathBesideConfig(string configPath, string path) =>
        Path.GetFullPath(path, Path.GetDirectoryName(Path.GetFullPath(configPath))!);

    private static string ShowAddresses(OpenPgpCertificate key) =>
        key.Addresses.Count == 0 ? "no address" : string.Join(", ", key.Addresses);

    private static Finding Error(string code, string message, SourceLocation location, string hint) =>
        new(code, FindingLevel.Error, message, location, hint, Pointer);
}
