using System.Net.Mail;
using System.Text.Json;
using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Configuration;

/// <summary>
/// Rules on configuration values beyond their JSON type, by pointer pattern ('*' is any key or item).
/// The structure (known keys, types, required keys) comes from the serialization metadata instead.
/// </summary>
internal static class DatabaseConfigRules
{
    private static readonly string[] LintLevels = ["off", "info", "warning", "error"];
    private static readonly string[] Deliveries = ["per_recipient", "together"];
    private static readonly string[] Environments = ["test", "production"];

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
        new("/lint/*", value => OneOf(LintLevels, value)),
        // The one grammar of targets: the hint is the parser's own message.
        new("/publish/targets/*", text => PublishTargetSpec.TryParse(text, out _, out var error) ? null : error),
        new("/policy/contacts/*", IsContactUri, "write a mailto:, https: or tel: URI, e.g. mailto:security@example.org"),
        new("/policy/encryption_key", IsFilePath, "write the path of the OpenPGP public key file, relative to database.yaml, e.g. security-team.asc"),
        new("/policy/scope/*", NotBlank, "write what the policy covers, e.g. the released packages"),
        new("/policy/out_of_scope/*", NotBlank, "write what the policy does not cover, or remove the item"),
        new("/policy/report_template/*/title", NotBlank, "write the section's heading, e.g. Impact"),
        new("/policy/handling/*", NotBlank, "write one step of handling a report, or remove the item"),
        new("/policy/safe_harbor", NotBlank, "write the safe-harbour statement, or remove the key"),
        new("/policy/bounty", NotBlank, "write what you offer (or that there is no bug bounty), or remove the key"),
        new("/policy/preferred_languages/*", IsLanguageTag, "write a language tag, e.g. en or pt-BR"),
        new("/policy/acknowledgments", IsHttpsUrl, "write an https URL of the page that thanks reporters"),
        new("/prenotify/*/recipients/*/address", IsMailAddress, "write a mail address, e.g. distros@vs.openwall.org"),
        new("/prenotify/*/recipients/*/key", IsFilePath, "write the path of the recipient's OpenPGP public key file, relative to database.yaml"),
        new("/prenotify/*/delivery", value => OneOf(Deliveries, value)),
        new("/prenotify/*/subject", NotBlank, $"write a subject template, e.g. \"{PrenotifyListConfig.DefaultSubject}\""),
        // Secrets never go into the file; a value that is not a variable's name may be one, so it is not repeated.
        new("/chat/slack/*/webhook_env", IsVariableName, VariableHint("the Slack webhook URL", "SLACK_SECURITY_WEBHOOK")) { ShowValue = false },
        new("/chat/discord/*/webhook_env", IsVariableName, VariableHint("the Discord webhook URL", "DISCORD_SECURITY_WEBHOOK")) { ShowValue = false },
        new("/chat/matrix/*/token_env", IsVariableName, VariableHint("the Matrix access token", "MATRIX_ANNOUNCE_TOKEN")) { ShowValue = false },
        new("/chat/matrix/*/homeserver", IsServiceUrl, "write the homeserver's https URL, e.g. https://matrix.example.org"),
        new("/chat/matrix/*/room", IsMatrixRoomId, "write the room ID (Room settings, Advanced), e.g. !AbCdEf:example.org"),
        new("/cna/short_name", NotBlank, "write the CNA's short name at CVE Services, e.g. short_name: tessera"),
        new("/cna/org_id", text => Guid.TryParseExact(text, "D", out _), "write the CNA's organisation UUID, e.g. org_id: 8254265b-2729-46b6-b9e3-3dfca2d5bfca"),
        new("/cna/environment", value => OneOf(Environments, value)),
        new("/cna/vendor", NotBlank, "write the vendor's name, e.g. vendor: Tessera Project"),
        new("/cna/products/*/vendor", NotBlank, "write the vendor's name, or leave vendor out"),
        new("/cna/products/*/product", NotBlank, "write the product's name, or leave product out"),
    ];

    private static readonly NumberRule[] NumberRules =
    [
        new("/policy/embargo_days", 1, 365, "write a number of days from 1 to 365, e.g. 90"),
        new("/policy/expires_after_days", 1, PolicyConfig.MaxExpiresAfterDays,
            $"write a number of days from 1 to {PolicyConfig.MaxExpiresAfterDays}: RFC 9116 asks for an Expires less than a year ahead"),
        new("/prenotify/*/max_embargo_days", 1, 90, $"write a number of days, e.g. {PrenotifyListConfig.DefaultMaxEmbargoDays} (the distros list's maximum)"),
    ];

    private static readonly ValueRule[] KeyRules =
    [
        new("/lint/*", IsRuleCode, "write a rule code in capitals and digits, e.g. OSV101"),
        new("/prenotify/*", IsChannelName, "name the list in lower-case letters, digits, '-' and '_', e.g. distros"),
        new("/chat/slack/*", IsChannelName, "name the channel in lower-case letters, digits, '-' and '_', e.g. security-announce"),
        new("/chat/discord/*", IsChannelName, "name the channel in lower-case letters, digits, '-' and '_', e.g. security-announce"),
        new("/chat/matrix/*", IsChannelName, "name the room in lower-case letters, digits, '-' and '_', e.g. security-announce"),
        new("/cna/products/*", key => key.IndexOf('/') > 0 && key.IndexOf('/') < key.Length - 1, "write the package as ECOSYSTEM/NAME, e.g. PyPI/tessera-py"),
    ];

    /// <summary>The first rule that <paramref name="value"/> breaks at <paramref name="pointer"/>, or null.</summary>
    public static ValueProblem? CheckValue(string pointer, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            foreach (var rule in NumberRules)
                if (Matches(rule.Pattern, pointer) && !(value.TryGetInt32(out var number) && number >= rule.Min && number <= rule.Max))
                    return new ValueProblem(rule.Hint, ShowValue: true);
            return null;
        }
        if (value.ValueKind != JsonValueKind.String) return null;
        foreach (var rule in ValueRules)
            if (Matches(rule.Pattern, pointer) && rule.Problem(value.GetString()!) is { } hint)
                return new ValueProblem(hint, rule.ShowValue);
        return null;
    }

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

    /// <summary>The hint for a value that is not one of <paramref name="allowed"/>: the one it most likely stands for, and the list.</summary>
    private static string? OneOf(string[] allowed, string value) =>
        allowed.Contains(value, StringComparer.Ordinal) ? null
            : Suggestions.Closest(value, allowed) is { } suggestion
                ? $"did you mean {suggestion}? (write one of: {Suggestions.List(allowed)})"
                : "write one of: " + Suggestions.List(allowed);

    private static bool NotBlank(string text) => !string.IsNullOrWhiteSpace(text);

    private static bool IsIdPrefix(string text) =>
        text.Length > 0 && !text.AsSpan().ContainsAnyExcept(IdPrefixCharacters);

    private static readonly System.Buffers.SearchValues<char> IdPrefixCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host);

    private static bool IsMailAddress(string text) => MailAddress.TryCreate(text, out _);

    private static bool IsContactUri(string text) =>
        text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            ? IsMailAddress(Uri.UnescapeDataString(text["mailto:".Length..].Split('?')[0])) && !text.Contains('<', StringComparison.Ordinal)
            : text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)
                ? text.Length > 4 && text[4..].All(c => char.IsAsciiDigit(c) || c is '+' or '-' or '.' or '(' or ')')
                : IsHttpsUrl(text);

    private static bool IsHttpsUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);

    /// <summary>https, or http to this machine (a test server); a chat service's secrets never travel in clear text.</summary>
    internal static bool IsServiceUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    private static bool IsFilePath(string text) =>
        !string.IsNullOrWhiteSpace(text) && text.IndexOfAny(Path.GetInvalidPathChars()) < 0 && !text.Contains('\0', StringComparison.Ordinal);

    private static bool IsLanguageTag(string text)
    {
        var parts = text.Split('-');
        return parts[0].Length is >= 2 and <= 3 && parts[0].All(char.IsAsciiLetter)
            && parts.Skip(1).All(part => part.Length is >= 1 and <= 8 && part.All(char.IsAsciiLetterOrDigit));
    }

    /// <summary>
    /// An environment variable's name as conventionally written, in capitals: a pasted token (mixed case) or URL then
    /// fails here instead of being taken for a name.
    /// </summary>
    private static bool IsVariableName(string text) =>
        text.Length > 0 && (char.IsAsciiLetterUpper(text[0]) || text[0] == '_') && text.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');

    private static string VariableHint(string secret, string example) =>
        $"write the name (in capitals) of the environment variable that holds {secret}, e.g. {example}; never the secret itself";

    private static bool IsMatrixRoomId(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return text.Length > 3 && text[0] == '!' && colon > 1 && colon < text.Length - 1
            && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '?' or '#');
    }

    private static bool IsChannelName(string text) =>
        text.Length is > 0 and <= 64 && (char.IsAsciiLetterLower(text[0]) || char.IsAsciiDigit(text[0]))
        && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');

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

        /// <summary>False where a wrong value may be a secret written by mistake: messages then leave it out.</summary>
        public bool ShowValue { get; init; } = true;
    }

    /// <summary>A whole number from <paramref name="Min"/> to <paramref name="Max"/>.</summary>
    private sealed record NumberRule(string Pattern, int Min, int Max, string Hint);
}

/// <summary>A broken value rule: the hint, and whether the message may repeat the value.</summary>
internal sealed record ValueProblem(string Hint, bool ShowValue);
