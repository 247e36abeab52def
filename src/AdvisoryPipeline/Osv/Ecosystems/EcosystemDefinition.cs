namespace AdvisoryPipeline.Osv.Ecosystems;

/// <summary>Whether an ecosystem string takes a <c>:suffix</c> (a release, a product stream, a repository URL).</summary>
public enum SuffixRule
{
    /// <summary><c>PyPI</c>, never <c>PyPI:x</c>.</summary>
    NotAllowed,

    /// <summary><c>Debian</c> or <c>Debian:12</c>.</summary>
    Optional,

    /// <summary><c>Ubuntu:22.04:LTS</c>, never bare <c>Ubuntu</c>.</summary>
    Required,
}

/// <summary>What a suffix must look like beyond being non-empty.</summary>
public enum SuffixForm
{
    /// <summary>Any non-empty text (a release number, a codename, a CPE fragment, ...).</summary>
    Free,

    /// <summary>An http(s) URL without a trailing slash: <c>Maven:https://maven.google.com</c>.</summary>
    RepositoryUrl,

    /// <summary>An Alpine branch with its required <c>v</c>: <c>Alpine:v3.16</c>.</summary>
    AlpineBranch,
}

/// <summary>How an OSV package name maps onto a purl's namespace and name.</summary>
public enum PurlNameLayout
{
    /// <summary>The whole OSV name is the purl name.</summary>
    NameOnly,

    /// <summary>Everything before the last <c>/</c> is the namespace: Go modules, npm scopes, Composer vendors.</summary>
    NamespaceBeforeLastSlash,

    /// <summary><c>group:artifact</c>: the group is the namespace (Maven).</summary>
    NamespaceBeforeColon,
}

/// <summary>
/// The purl (package URL) that identifies an ecosystem's packages.
/// </summary>
/// <param name="Type">Registered purl type, e.g. <c>pypi</c>, <c>cargo</c>, <c>golang</c>.</param>
/// <param name="Layout">How the OSV name splits into namespace and name.</param>
/// <param name="Vendor">Fixed namespace for distribution packages, e.g. <c>debian</c> in <c>pkg:deb/debian/curl</c>.</param>
/// <param name="SourcePackages">The OSV name is a source package, so the purl carries <c>arch=source</c> (as osv.dev writes them).</param>
public sealed record EcosystemPurl(string Type, PurlNameLayout Layout = PurlNameLayout.NameOnly, string? Vendor = null, bool SourcePackages = false);

/// <summary>One ecosystem registered in the OSV schema, and what this project knows about it.</summary>
/// <param name="Name">The exact, case-sensitive name (<c>PyPI</c>, <c>crates.io</c>, <c>Red Hat</c>).</param>
/// <param name="Suffix">Whether a <c>:suffix</c> is allowed or required.</param>
/// <param name="SuffixForm">The shape a suffix must have.</param>
/// <param name="SuffixExample">A valid full ecosystem string with a suffix, for messages.</param>
/// <param name="Purl">The purl mapping, or null when no purl type is established for the ecosystem.</param>
public sealed record EcosystemDefinition(
    string Name,
    SuffixRule Suffix = SuffixRule.NotAllowed,
    SuffixForm SuffixForm = SuffixForm.Free,
    string? SuffixExample = null,
    EcosystemPurl? Purl = null);
