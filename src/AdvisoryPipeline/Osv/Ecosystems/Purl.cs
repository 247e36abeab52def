using System.Diagnostics.CodeAnalysis;
using System.Text;
using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Osv.Ecosystems;

/// <summary>
/// A package URL, <c>pkg:type/namespace/name@version?qualifiers#subpath</c>
/// (https://github.com/package-url/purl-spec). Components hold decoded text, normalised by the type's rules
/// (<see cref="PurlTypeRules"/>); <see cref="ToString"/> writes the canonical form (lower-case type,
/// percent-encoding, qualifiers sorted by key). Two purls are equal when their canonical forms are.
/// </summary>
public sealed class Purl : IEquatable<Purl>
{
    private readonly string _canonical;

    private Purl(
        string type, IReadOnlyList<string> namespaceSegments, string name, string? version,
        IReadOnlyList<KeyValuePair<string, string>> qualifiers, IReadOnlyList<string> subpath)
    {
        Type = type;
        NamespaceSegments = namespaceSegments;
        Name = name;
        Version = version;
        Qualifiers = qualifiers;
        SubpathSegments = subpath;
        _canonical = Format();
    }

    /// <summary>Lower-case type, e.g. <c>pypi</c>.</summary>
    public string Type { get; }

    public IReadOnlyList<string> NamespaceSegments { get; }

    /// <summary>The namespace segments joined with <c>/</c>, or null when there are none.</summary>
    public string? Namespace => NamespaceSegments.Count == 0 ? null : string.Join('/', NamespaceSegments);

    public string Name { get; }

    public string? Version { get; }

    /// <summary>Qualifiers with non-empty values, sorted by key.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Qualifiers { get; }

    public IReadOnlyList<string> SubpathSegments { get; }

    public override string ToString() => _canonical;

    public bool Equals(Purl? other) => other is not null && string.Equals(_canonical, other._canonical, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Purl purl && Equals(purl);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_canonical);

    /// <summary>
    /// Parses as the specification's "how to parse" describes, with one leniency: the version is taken
    /// from the last path segment only, so that the common non-canonical <c>pkg:npm/@babel/core</c> (with
    /// an unencoded <c>@</c> in the scope) reads as namespace <c>@babel</c> and name <c>core</c>.
    /// <paramref name="error"/> quotes the text and says why, e.g.
    /// <c>"pkg:pypi" is not a valid purl: the purl has no name</c>.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out Purl? purl, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        purl = null;
        if (TryParseComponents(text, out var parsed, out var reason)
            && TryCreate(parsed.Type, parsed.Namespace, parsed.Name, parsed.Version, parsed.Qualifiers, parsed.Subpath, out purl, out reason))
        {
            error = null;
            return true;
        }
        error = $"{QuotedText.Of(text)} is not a valid purl: {reason}";
        return false;
    }

    /// <summary>
    /// The purl that identifies <paramref name="name"/> in <paramref name="ecosystem"/> (suffix ignored), as
    /// OSV records carry it: no version; <c>arch=source</c> for distributions whose OSV names are source
    /// packages. Null when the ecosystem has no established purl type or the name does not fit it (a Maven
    /// name without <c>group:</c>).
    /// </summary>
    public static Purl? For(string ecosystem, string name)
    {
        var mapping = OsvEcosystems.Find(Ecosystem.BaseName(ecosystem))?.Purl;
        if (mapping is null || name.Length == 0) return null;
        if (!TrySplitName(mapping, name, out var namespaceText, out var purlName)) return null;

        IReadOnlyList<string> segments = namespaceText is null ? [] : namespaceText.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (mapping.Vendor is not null) segments = [mapping.Vendor, .. segments];
        IReadOnlyList<KeyValuePair<string, string>> qualifiers = mapping.SourcePackages ? [new("arch", "source")] : [];
        return TryCreate(mapping.Type, segments, purlName, null, qualifiers, [], out var purl, out _) ? purl : null;
    }

    /// <summary>
    /// Whether this purl identifies <paramref name="name"/> in <paramref name="ecosystem"/>: same type, same
    /// package (by the purl type's case rules and the ecosystem's own name equivalence), the expected vendor
    /// for distributions, and no version (the OSV schema says a package's purl has no <c>@version</c>).
    /// Qualifiers and subpath are not judged.
    /// </summary>
    public PurlCheck CheckAgainst(string ecosystem, string name)
    {
        var definition = OsvEcosystems.Find(Ecosystem.BaseName(ecosystem));
        if (definition is null)
            return PurlCheck.NotChecked($"{QuotedText.Of(ecosystem)} is not an OSV ecosystem, so its purl cannot be checked");
        if (definition.Purl is not { } mapping)
            return PurlCheck.NotChecked($"no purl type is established for the {definition.Name} ecosystem");
        var expected = For(ecosystem, name);
        if (expected is null)
            return PurlCheck.NotChecked($"the {definition.Name} package name {QuotedText.Of(name)} cannot be written as a purl");

        if (!string.Equals(Type, expected.Type, StringComparison.Ordinal))
            return PurlCheck.Inconsistent(
                $"the purl type \"{Type}\" does not match the {definition.Name} ecosystem, whose purl type is \"{expected.Type}\"", expected);
        if (Version is not null)
            return PurlCheck.Inconsistent(
                $"the purl includes a version (@{Version}); an OSV package's purl identifies the package without @version", expected);

        var rules = PurlTypeRules.For(Type);
        if (mapping.Vendor is not null
            && (NamespaceSegments.Count == 0 || !string.Equals(NamespaceSegments[0], mapping.Vendor, StringComparison.OrdinalIgnoreCase)))
            return PurlCheck.Inconsistent(
                $"the purl's namespace {QuotedText.Of(Namespace ?? "")} is not \"{mapping.Vendor}\", the vendor of the {definition.Name} ecosystem", expected);

        var samePurlIdentity =
            string.Equals(Namespace, expected.Namespace, rules.Comparison)
            && string.Equals(Name, expected.Name, rules.Comparison);
        if (!samePurlIdentity && !PackageNames.AreSame(ecosystem, OsvName(mapping), name))
            return PurlCheck.Inconsistent(
                $"the purl names the package {QuotedText.Of(OsvName(mapping))}, not {QuotedText.Of(name)}", expected);
        return PurlCheck.Consistent;
    }

    /// <summary>The OSV package name this purl denotes under <paramref name="mapping"/> (vendor namespace dropped).</summary>
    private string OsvName(EcosystemPurl mapping)
    {
        var segments = mapping.Vendor is null ? NamespaceSegments : NamespaceSegments.Skip(1).ToList();
        if (segments.Count == 0) return Name;
        var separator = mapping.Layout == PurlNameLayout.NamespaceBeforeColon ? ":" : "/";
        return string.Join('/', segments) + separator + Name;
    }

    private static bool TrySplitName(EcosystemPurl mapping, string name, out string? namespaceText, out string purlName)
    {
        namespaceText = null;
        purlName = name;
        switch (mapping.Layout)
        {
            case PurlNameLayout.NamespaceBeforeLastSlash:
                var slash = name.LastIndexOf('/');
                if (slash < 0) return true;
                namespaceText = name[..slash];
                purlName = name[(slash + 1)..];
                return purlName.Length > 0;
            case PurlNameLayout.NamespaceBeforeColon:
                var colon = name.IndexOf(':');
                if (colon <= 0 || colon == name.Length - 1) return false;
                namespaceText = name[..colon];
                purlName = name[(colon + 1)..];
                return true;
            default:
                return true;
        }
    }

    private static bool TryCreate(
        string type, IReadOnlyList<string> namespaceSegments, string name, string? version,
        IReadOnlyList<KeyValuePair<string, string>> qualifiers, IReadOnlyList<string> subpath,
        [NotNullWhen(true)] out Purl? purl, [NotNullWhen(false)] out string? error)
    {
        purl = null;
        var rules = PurlTypeRules.For(type);
        if (rules.Namespace == PurlNamespaceRule.Prohibited && namespaceSegments.Count > 0)
        {
            error = $"the purl type \"{type}\" takes no namespace";
            return false;
        }
        if (rules.Namespace == PurlNamespaceRule.Required && namespaceSegments.Count == 0)
        {
            error = $"the purl type \"{type}\" needs a namespace";
            return false;
        }
        if (name.Length == 0)
        {
            error = "the purl has no name";
            return false;
        }
        var sorted = qualifiers.Where(pair => pair.Value.Length > 0).OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList();
        purl = new Purl(
            type, namespaceSegments.Select(rules.NormalizeNamespaceSegment).ToList(), rules.NormalizeName(name),
            string.IsNullOrEmpty(version) ? null : version, sorted, subpath);
        error = null;
        return true;
    }

    private string Format()
    {
        var builder = new StringBuilder("pkg:").Append(Type).Append('/');
        foreach (var segment in NamespaceSegments) builder.Append(PurlEncoding.Encode(segment)).Append('/');
        builder.Append(PurlEncoding.Encode(Name));
        if (Version is not null) builder.Append('@').Append(PurlEncoding.Encode(Version));
        for (var i = 0; i < Qualifiers.Count; i++)
            builder.Append(i == 0 ? '?' : '&').Append(Qualifiers[i].Key).Append('=').Append(PurlEncoding.Encode(Qualifiers[i].Value));
        if (SubpathSegments.Count > 0) builder.Append('#').AppendJoin('/', SubpathSegments.Select(PurlEncoding.Encode));
        return builder.ToString();
    }

    private sealed record Components(
        string Type, IReadOnlyList<string> Namespace, string Name, string? Version,
        IReadOnlyList<KeyValuePair<string, string>> Qualifiers, IReadOnlyList<string> Subpath);

    private static bool TryParseComponents(string text, [NotNullWhen(true)] out Components? components, [NotNullWhen(false)] out string? error)
    {
        components = null;
        if (text.Any(char.IsWhiteSpace))
        {
            error = "a purl contains no whitespace (a space is written %20)";
            return false;
        }
        var colon = text.IndexOf(':');
        if (colon < 0 || !text.AsSpan(0, colon).Equals("pkg", StringComparison.OrdinalIgnoreCase))
        {
            error = "a purl starts with \"pkg:\"";
            return false;
        }

        var remainder = text[(colon + 1)..];
        var hash = remainder.LastIndexOf('#');
        var subpathText = hash < 0 ? "" : remainder[(hash + 1)..];
        if (hash >= 0) remainder = remainder[..hash];
        var question = remainder.LastIndexOf('?');
        var qualifierText = question < 0 ? "" : remainder[(question + 1)..];
        if (question >= 0) remainder = remainder[..question];

        remainder = remainder.TrimStart('/');
        var slash = remainder.IndexOf('/');
        var type = (slash < 0 ? remainder : remainder[..slash]).ToLowerInvariant();
        if (!IsValidType(type, out error)) return false;
        if (slash < 0)
        {
            error = "the purl has no name";
            return false;
        }

        var path = remainder[(slash + 1)..].TrimEnd('/');
        var lastSlash = path.LastIndexOf('/');
        var lastSegment = path[(lastSlash + 1)..];
        string? version = null;
        var at = lastSegment.LastIndexOf('@');
        if (at >= 0)
        {
            if (!PurlEncoding.TryDecode(lastSegment[(at + 1)..], out version, out error)) return false;
            lastSegment = lastSegment[..at];
        }
        if (!PurlEncoding.TryDecode(lastSegment, out var name, out error)) return false;

        var namespaceSegments = new List<string>();
        if (lastSlash > 0 && !TryDecodeSegments(path[..lastSlash], "namespace", namespaceSegments, out error)) return false;

        var qualifiers = new List<KeyValuePair<string, string>>();
        if (!TryParseQualifiers(qualifierText, qualifiers, out error)) return false;

        var subpath = new List<string>();
        if (!TryDecodeSegments(subpathText, "subpath", subpath, out error)) return false;
        subpath.RemoveAll(segment => segment is "." or "..");

        components = new Components(type, namespaceSegments, name, version, qualifiers, subpath);
        return true;
    }

    private static bool IsValidType(string type, [NotNullWhen(false)] out string? error)
    {
        error = type.Length == 0 ? "the purl has no type"
            : !char.IsAsciiLetter(type[0]) ? $"the purl type {QuotedText.Of(type)} must start with a letter"
            : type.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or '+'))
                ? $"the purl type {QuotedText.Of(type)} may only contain letters, digits, \".\" and \"-\""
            : null;
        return error is null;
    }

    private static bool TryDecodeSegments(string text, string component, List<string> segments, [NotNullWhen(false)] out string? error)
    {
        foreach (var raw in text.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!PurlEncoding.TryDecode(raw, out var segment, out error)) return false;
            if (segment.Contains('/'))
            {
                error = $"a purl {component} segment cannot contain an encoded \"/\" ({QuotedText.Of(raw)})";
                return false;
            }
            segments.Add(segment);
        }
        error = null;
        return true;
    }

    private static bool TryParseQualifiers(string text, List<KeyValuePair<string, string>> qualifiers, [NotNullWhen(false)] out string? error)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals < 0)
            {
                error = $"the purl qualifier {QuotedText.Of(pair)} has no \"=\"";
                return false;
            }
            var key = pair[..equals].ToLowerInvariant();
            if (key.Length == 0 || !char.IsAsciiLetter(key[0]) || key.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or '_')))
            {
                error = $"{QuotedText.Of(key)} is not a valid purl qualifier key";
                return false;
            }
            if (!PurlEncoding.TryDecode(pair[(equals + 1)..], out var value, out error)) return false;
            if (!keys.Add(key))
            {
                error = $"the purl qualifier \"{key}\" appears twice";
                return false;
            }
            qualifiers.Add(new(key, value));
        }
        error = null;
        return true;
    }
}

public enum PurlVerdict { Consistent, Inconsistent, NotChecked }

/// <summary>The outcome of <see cref="Purl.CheckAgainst"/>; <see cref="Expected"/> is the purl to suggest.</summary>
public sealed record PurlCheck(PurlVerdict Verdict, string? Reason, Purl? Expected)
{
    public static readonly PurlCheck Consistent = new(PurlVerdict.Consistent, null, null);

    public static PurlCheck Inconsistent(string reason, Purl expected) => new(PurlVerdict.Inconsistent, reason, expected);

    public static PurlCheck NotChecked(string reason) => new(PurlVerdict.NotChecked, reason, null);
}
