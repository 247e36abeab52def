using System.Diagnostics.CodeAnalysis;
using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Osv.Ecosystems;

/// <summary>
/// An OSV ecosystem string split into its registered base name and optional suffix:
/// <c>Debian:12</c> is Debian with suffix <c>12</c>, <c>Red Hat:rhel_aus:8.4::appstream</c> is Red Hat with
/// suffix <c>rhel_aus:8.4::appstream</c> (the suffix starts after the first colon and may hold more).
/// </summary>
public readonly record struct Ecosystem(EcosystemDefinition Definition, string? Suffix)
{
    public string Name => Definition.Name;

    public override string ToString() => Suffix is null ? Name : $"{Name}:{Suffix}";

    /// <summary>The part before the first colon: what identifies the ecosystem whatever its suffix.</summary>
    public static string BaseName(string ecosystem)
    {
        var colon = ecosystem.IndexOf(':');
        return colon < 0 ? ecosystem : ecosystem[..colon];
    }

    public static bool TryParse(string text, out Ecosystem ecosystem) => TryParse(text, out ecosystem, out _);

    /// <summary>Parses and validates against the registered names and their suffix rules; <paramref name="error"/> says why not.</summary>
    public static bool TryParse(string text, out Ecosystem ecosystem, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ecosystem = default;
        if (text.Length == 0)
        {
            error = "the ecosystem is empty";
            return false;
        }

        var baseName = BaseName(text);
        var definition = OsvEcosystems.Find(baseName);
        if (definition is null)
        {
            var near = OsvEcosystems.FindIgnoringCase(baseName);
            error = near is not null
                ? $"{QuotedText.Of(baseName)} is not an OSV ecosystem; names are case-sensitive: did you mean \"{near.Name}\"?"
                : OsvEcosystems.Suggest(baseName) is { } suggestion
                    ? $"{QuotedText.Of(baseName)} is not an ecosystem defined by the OSV schema: did you mean \"{suggestion}\"?"
                    : $"{QuotedText.Of(baseName)} is not an ecosystem defined by the OSV schema";
            return false;
        }

        var suffix = baseName.Length < text.Length ? text[(baseName.Length + 1)..] : null;
        if (!CheckSuffix(definition, suffix, out error)) return false;
        ecosystem = new Ecosystem(definition, suffix);
        return true;
    }

    private static bool CheckSuffix(EcosystemDefinition definition, string? suffix, [NotNullWhen(false)] out string? error)
    {
        var example = definition.SuffixExample is null ? "" : $", e.g. \"{definition.SuffixExample}\"";
        error = (definition.Suffix, suffix) switch
        {
            (SuffixRule.NotAllowed, not null) => $"the {definition.Name} ecosystem takes no \":\" suffix",
            (SuffixRule.Required, null) => $"the {definition.Name} ecosystem needs a \":\" suffix naming the release{example}",
            (_, "") => $"empty suffix after \"{definition.Name}:\"",
            (_, not null) when char.IsWhiteSpace(suffix[0]) || char.IsWhiteSpace(suffix[^1]) =>
                $"the suffix {QuotedText.Of(suffix)} has surrounding whitespace",
            (_, not null) => FormProblem(definition, suffix, example),
            _ => null,
        };
        return error is null;
    }

    private static string? FormProblem(EcosystemDefinition definition, string suffix, string example) => definition.SuffixForm switch
    {
        SuffixForm.AlpineBranch when !IsAlpineBranch(suffix) =>
            $"an Alpine release is written \"v\" and its number{example}, not {QuotedText.Of(suffix)}",
        SuffixForm.RepositoryUrl when !IsRepositoryUrl(suffix) =>
            $"the {definition.Name} suffix must be a repository URL (http or https) without a trailing slash{example}",
        _ => null,
    };

    private static bool IsAlpineBranch(string suffix) =>
        suffix.Length > 1 && suffix[0] == 'v'
        && !suffix.AsSpan(1).ContainsAnyExcept("0123456789.")
        && DigitString.IsAsciiDigit(suffix[1]) && suffix[^1] != '.';

    private static bool IsRepositoryUrl(string suffix) =>
        Uri.TryCreate(suffix, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !suffix.EndsWith('/');
}
