namespace AdvisoryPipeline.Fixing;

/// <summary>The mechanical changes <c>advisory fix</c> makes; the name is printed with each change.</summary>
public enum FixRule
{
    /// <summary>Quotes a plain scalar that YAML reads as a number, boolean or timestamp where text is meant.</summary>
    QuoteAmbiguousScalar,

    /// <summary>Writes a package name in its ecosystem's canonical form where that names the same package.</summary>
    CanonicalPackageName,

    /// <summary>Writes a purl that matches its package in canonical purl form.</summary>
    CanonicalPurl,

    /// <summary>Lower-cases a URL's scheme and host and drops its default port.</summary>
    CanonicalUrl,

    /// <summary>Removes spaces and tabs at the ends of lines outside multi-line scalars.</summary>
    TrailingWhitespace,

    /// <summary>Sorts the events of a range by the ecosystem's version order.</summary>
    EventOrder,

    /// <summary>Puts the top-level keys in the order of the OSV specification, the authoring block last.</summary>
    KeyOrder,
}

/// <summary>Names of the rules as printed: <c>quote</c>, <c>event-order</c>…</summary>
public static class FixRuleNames
{
    public static string Of(FixRule rule) => rule switch
    {
        FixRule.QuoteAmbiguousScalar => "quote",
        FixRule.CanonicalPackageName => "package-name",
        FixRule.CanonicalPurl => "purl",
        FixRule.CanonicalUrl => "url",
        FixRule.TrailingWhitespace => "trailing-whitespace",
        FixRule.EventOrder => "event-order",
        FixRule.KeyOrder => "key-order",
        _ => rule.ToString(),
    };
}

/// <summary>One change a fix made (or, with <c>--check</c>, would make), located in the text it applies to.</summary>
public sealed record AppliedFix(FixRule Rule, int Line, int Column, string Description);

/// <summary>A scalar (or the key of an entry, when <see cref="OnKey"/>) that should read <see cref="NewValue"/>.</summary>
internal sealed record ScalarChange(FixRule Rule, string Pointer, bool OnKey, string NewValue, bool ForceQuotes, string Description);
