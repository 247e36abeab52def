using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Cve.Services;

/// <summary>
/// The three secrets CVE Services asks for on every request (<c>CVE-API-ORG</c>, <c>CVE-API-USER</c>,
/// <c>CVE-API-KEY</c> headers), read from <c>CVE_API_ORG</c>, <c>CVE_API_USER</c> and <c>CVE_API_KEY</c>. A class,
/// not a record, so that no generated <c>ToString</c> can print them; messages name the variables, never the values.
/// </summary>
public sealed class CveServicesCredentials
{
    public const string OrgVariable = "CVE_API_ORG";
    public const string UserVariable = "CVE_API_USER";
    public const string KeyVariable = "CVE_API_KEY";

    public CveServicesCredentials(string org, string user, string key)
    {
        Org = org;
        User = user;
        Key = key;
    }

    internal string Org { get; }

    internal string User { get; }

    internal string Key { get; }

    /// <summary>
    /// Reads the three variables; the key through <see cref="Secrets"/>, which remembers it so that no output shows it.
    /// Leading and trailing whitespace (a pasted line break) is trimmed; a missing or empty value, or one with a
    /// character an HTTP header cannot carry, is refused naming only the variable.
    /// </summary>
    /// <exception cref="UsageException">A variable is missing or unusable.</exception>
    public static CveServicesCredentials FromEnvironment(Func<string, string?> getVariable) =>
        new(Read(getVariable, OrgVariable), Read(getVariable, UserVariable),
            Required(Secrets.Read(getVariable, KeyVariable), KeyVariable));

    /// <summary>
    /// The organisation and the user name are not secret (the user is often the team's public address, which records
    /// and mails carry), so they are not masked in output; only the key is.
    /// </summary>
    private static string Read(Func<string, string?> getVariable, string name)
    {
        var value = Required(getVariable(name)?.Trim(), name);
        // Header values are visible ASCII and inner spaces (RFC 9110 field-value); anything else would be sent mangled or refused.
        if (value.Any(c => c is < ' ' or > '~'))
            throw new UsageException($"${name} holds a character that an HTTP header cannot carry (a control character or non-ASCII): set it to the value CVE Services gave you");
        return value;
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrEmpty(value)
            ? throw new UsageException($"${name} is not set: CVE Services needs {OrgVariable}, {UserVariable} and {KeyVariable} in the environment")
            : value;
}
