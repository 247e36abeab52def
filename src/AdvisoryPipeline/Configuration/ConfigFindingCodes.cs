namespace AdvisoryPipeline.Configuration;

/// <summary>Stable codes of the findings about <c>database.yaml</c>, beside the loader's own (YAML0xx, YAML1xx).</summary>
/// <remarks>
/// <code>
/// CFG001   error    an unknown key
/// CFG002   error    a value of the wrong type, or invalid (bad URL, prefix, address, publish target...)
/// CFG003   error    a required key is missing
/// CFG004   error    policy.encryption_key cannot be used: unreadable, not an OpenPGP public key, several keys, a secret key
/// CFG005   error    policy.encryption_key has expired or is revoked
/// CFG006   error    no user ID of policy.encryption_key carries the policy's contact address
/// CFG007   warning  policy.encryption_key expires within 30 days
/// </code>
/// </remarks>
public static class ConfigFindingCodes
{
    public const string UnknownKey = "CFG001";
    public const string InvalidValue = "CFG002";
    public const string MissingKey = "CFG003";
    public const string UnusableKey = "CFG004";
    public const string ExpiredKey = "CFG005";
    public const string KeyWithoutContact = "CFG006";
    public const string KeyExpiresSoon = "CFG007";
}
