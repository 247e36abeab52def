using System.Net.Mail;
using System.Text.Json;

namespace AdvisoryPipeline.Configuration;

/// <summary>
/// Rules on configuration values beyond their JSON type, by pointer pattern ('*' is any key or item).
/// The structure (known keys, types, required keys) comes from the serialization metadata instead.
/// </summary>
internal static class DatabaseConfigRules
{
    private static readonly string[] LintLevels = ["off", "info", "warning", "error"];

    private static readonly ValueRule[] ValueRules =
    [
        new("/name", NotBlank, "give the database a name, e.g. name: Example Security Advisories"),
        new("/id_prefix", IsIdPrefix, "use letters, digits and dashes only, e.g. id_prefix: TSSA"),
        new("/home_url", IsHttpUrl, "write an absolute http(s) URL, e.g. https://example.org"),
        new("/site_url", IsHttpUrl, "write an absolute http(s) URL, e.g. https://example.org/security"),
        new("/mailing_list/to", IsMailAddress, "write a mail address, e.g. security-announce@example.org"),
        new("/mailing_list/from", IsMailAddress, "write a mail address, e.g. security@example.org"),
        new("/mailing_list/reply_to", IsMailAddress, "write a mail address, e.g. security@example.org"),
        new("/mailing_list/subject", NotBlank, $"write a subject template, e.g. \"{MailingListConfig.DefaultSubject}\""),
        new("/ecosystems/*", NotBlank, "write an OSV ecosystem name, e.g. PyPI"),
        new("/lint/*", value => LintLevels.Contains(value, StringComparer.Ordinal), "write one of: " + string.Join(", ", LintLevels)),
        // The one grammar of targets: the hint is the parser's own message.
        new("/publish/targets/*", text => PublishTargetSpec.TryParse(text, out _, out var error) ? null : error),
        new("/cna/short_name", NotBlank, "write the CNA's short name at CVE Services, e.g. short_name: tessera"),
        new("/cna/org_id", text => Guid.TryParseExact(text, "D", out _), "write the CNA's organisation UUID, e.g. org_id: 8254265b-2729-46b6-b9e3-3dfca2d5bfca"),
        new("/cna/environment", value => value is "test" or "production", "write test or production"),
        new("/cna/vendor", NotBlank, "write the vendor's name, e.g. vendor: Tessera Project"),
        new("/cna/products/*/vendor", NotBlank, "write the vendor's name, or leave vendor out"),
        new("/cna/products/*/product", NotBlank, "write the product's name, or leave product out"),
    ];

    private static readonly ValueRule[] KeyRules =
    [
        new("/lint/*", IsRuleCode, "write a rule code in capitals and digits, e.g. OSV101"),
        new("/cna/products/*", key => key.IndexOf('/') > 0 && key.IndexOf('/') < key.Length - 1, "write the package as ECOSYSTEM/NAME, e.g. PyPI/tessera-py"),
    ];

    /// <summary>The hint of the first rule that <paramref name="value"/> breaks at <paramref name="pointer"/>, or null.</summary>
    public static string? CheckValue(string pointer, JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? Broken(ValueRules, pointer, value.GetString()!) : null;

    /// <summary>The hint of the first rule that the key at the end of <paramref name="pointer"/> breaks, or null.</summary>
    public static string? CheckKey(string pointer, string key) => Broken(KeyRules, pointer, key);

    private static string? Broken(ValueRule[] rules, string pointer, string text)
    {
        foreach (var rule in rules)
            if (Matches(rule.Pattern, pointer) && rule.Problem(text) is { } hint)
                return hint;
        return null;
    }

    private static bool Matches(string pattern, string pointer)
    {
        var patternSegments = pattern.Split('/');
        var pointerSegments = pointer.Split('/');
        return patternSegments.Length == pointerSegments.Length
            && patternSegments.Zip(pointerSegments).All(pair => pair.First == "*" || pair.First == pair.Second);
    }

    private static bool NotBlank(string text) => !string.IsNullOrWhiteSpace(text);

    private static bool IsIdPrefix(string text) =>
        text.Length > 0 && !text.AsSpan().ContainsAnyExcept(IdPrefixCharacters);

    private static readonly System.Buffers.SearchValues<char> IdPrefixCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host);

    private static bool IsMailAddress(string text) => MailAddress.TryCreate(text, out _);

    private static bool IsRuleCode(string text)
    {
        var digits = text.AsSpan().IndexOfAnyInRange('0', '9');
        return digits > 0 && !text.AsSpan(0, digits).ContainsAnyExceptInRange('A', 'Z')
            && !text.AsSpan(digits).ContainsAnyExceptInRange('0', '9');
    }

    /// <param name="Problem">The hint for a value that breaks the rule, or null when it keeps it.</param>
    private sealed record ValueRule(string Pattern, Func<string, string?> Problem)
    {
        public ValueRule(string pattern, Func<string, bool> accepts, string hint)
            : this(pattern, text => accepts(text) ? null : hint)
        {
        }
    }
}
