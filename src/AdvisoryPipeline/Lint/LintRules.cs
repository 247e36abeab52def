using System.Collections.Frozen;
using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Lint;

/// <summary>
/// Every lint rule. Codes are grouped by area: 1xx ids, 2xx timestamps, 3xx aliases/related/upstream,
/// 4xx affected packages, 5xx ranges and versions, 6xx severity, 7xx references, 8xx text, 9xx history.
/// A code never changes meaning once released; a retired rule keeps its number unused.
/// Each rule is explained in <c>docs/lint/CODE.md</c>, which ships inside the library (<see cref="Explain"/>).
/// </summary>
public static class LintRules
{
    private const FindingLevel Error = FindingLevel.Error;
    private const FindingLevel Warning = FindingLevel.Warning;
    private const FindingLevel Info = FindingLevel.Info;

    public static LintRule IdMatchesFileName { get; } = new("OSV101", Error, "The id matches the file name");
    public static LintRule IdPrefix { get; } = new("OSV102", Error, "The id starts with the database's prefix");
    public static LintRule IdYear { get; } = new("OSV103", Warning, "The year in the id is the year of publication");
    public static LintRule PlaceholderId { get; } = new("OSV104", Info, "Placeholder ids are replaced before publishing");
    public static LintRule UniqueId { get; } = new("OSV105", Error, "Each id belongs to one advisory", LintScope.Database);
    public static LintRule RegisteredPrefix { get; } = new("OSV106", Warning, "The id prefix is registered with OSV", LintScope.Database);

    public static LintRule ModifiedNotBeforePublished { get; } = new("OSV201", Error, "modified is not before published");
    public static LintRule WithdrawnNotBeforePublished { get; } = new("OSV202", Error, "withdrawn is not before published");
    public static LintRule NotInFuture { get; } = new("OSV203", Error, "No timestamp lies in the future");
    public static LintRule HasPublished { get; } = new("OSV204", Info, "The record has a published date");

    public static LintRule WellFormedIdentifier { get; } = new("OSV301", Error, "Aliases, related and upstream ids are well-formed");
    public static LintRule KnownIdentifierPrefix { get; } = new("OSV302", Info, "Aliases, related and upstream ids use a prefix known to OSV");
    public static LintRule NoSelfReference { get; } = new("OSV303", Error, "A record does not list its own id");
    public static LintRule NoDuplicateIdentifier { get; } = new("OSV304", Warning, "No id is listed twice");
    public static LintRule AliasesAndRelatedDisjoint { get; } = new("OSV305", Error, "An id is an alias or related, not both");
    public static LintRule AliasClaimedOnce { get; } = new("OSV306", Error, "An alias belongs to one advisory of the database", LintScope.Database);

    public static LintRule HasAffected { get; } = new("OSV401", Error, "A record affects at least one package unless withdrawn");
    public static LintRule KnownEcosystem { get; } = new("OSV402", Error, "The ecosystem is one that OSV defines");
    public static LintRule AllowedEcosystem { get; } = new("OSV403", Error, "The ecosystem is one that the database allows");
    public static LintRule PurlMatchesPackage { get; } = new("OSV404", Error, "The purl identifies the package");
    public static LintRule CanonicalPackageName { get; } = new("OSV405", Warning, "The package name is in its ecosystem's canonical form");
    public static LintRule ValidPackageName { get; } = new("OSV406", Error, "The package name is valid in its ecosystem");

    public static LintRule HasIntroduced { get; } = new("OSV501", Error, "Every range has an introduced event");
    public static LintRule AscendingEvents { get; } = new("OSV502", Warning, "Events are in ascending version order");
    public static LintRule IntroducedBelowEnd { get; } = new("OSV503", Error, "Each introduced version is below the version that ends it");
    public static LintRule NoOverlappingRanges { get; } = new("OSV504", Warning, "Ranges of one package do not overlap");
    public static LintRule FixedOrLastAffected { get; } = new("OSV505", Error, "A range has fixed or last_affected events, not both");
    public static LintRule SemVerVersions { get; } = new("OSV506", Error, "SEMVER range versions are valid SemVer 2.0");
    public static LintRule EcosystemVersions { get; } = new("OSV507", Error, "ECOSYSTEM range versions follow the ecosystem's syntax");
    public static LintRule ListedVersionSyntax { get; } = new("OSV508", Warning, "Listed versions follow the ecosystem's syntax");
    public static LintRule GitCommits { get; } = new("OSV509", Error, "GIT range events are full commit hashes");
    public static LintRule GitRepository { get; } = new("OSV510", Error, "A GIT range's repo is an https URL");
    public static LintRule ListedVersionInRange { get; } = new("OSV511", Warning, "Every listed version lies inside a range");
    public static LintRule VersionOrderKnown { get; } = new("OSV512", Info, "The ecosystem's version order is known to the linter");

    public static LintRule ValidCvss { get; } = new("OSV601", Error, "Each CVSS vector is valid");
    public static LintRule CvssMatchesType { get; } = new("OSV602", Error, "The CVSS version matches the severity type");

    public static LintRule AbsoluteUrl { get; } = new("OSV701", Error, "Reference URLs are absolute URLs");
    public static LintRule WebUrl { get; } = new("OSV702", Error, "Reference URLs use http or https");
    public static LintRule HttpsUrl { get; } = new("OSV703", Warning, "Reference URLs use https");
    public static LintRule UniqueUrl { get; } = new("OSV704", Warning, "No URL is referenced twice");
    public static LintRule PrimaryReference { get; } = new("OSV705", Warning, "There is an ADVISORY, FIX or WEB reference");

    public static LintRule HasSummary { get; } = new("OSV801", Warning, "The record has a summary");
    public static LintRule OneLineSummary { get; } = new("OSV802", Error, "The summary is one line");
    public static LintRule ShortSummary { get; } = new("OSV803", Warning, "The summary has at most 120 characters");
    public static LintRule SummaryWithoutPeriod { get; } = new("OSV804", Warning, "The summary does not end with a period");
    public static LintRule HasDetails { get; } = new("OSV805", Warning, "The record has details");
    public static LintRule NoWorkMarker { get; } = new("OSV806", Error, "No TODO, FIXME, XXX or TBD is left in the text");
    public static LintRule NoHiddenCharacters { get; } = new("OSV807", Error, "No invisible or direction-changing characters");
    public static LintRule AsciiIdsAndVersions { get; } = new("OSV808", Error, "Ids and versions are ASCII");
    public static LintRule DetailsNesting { get; } = new("OSV809", Error, "The details nest Markdown at most 32 levels deep");
    public static LintRule DetailsMarkupSafe { get; } = new("OSV810", Warning, "The details hold no raw HTML and link only to http, https and mailto");

    public static LintRule NotDeleted { get; } = new("OSV901", Error, "Advisories are withdrawn, never deleted", LintScope.History);
    public static LintRule PublishedUnchanged { get; } = new("OSV902", Error, "published never changes", LintScope.History);
    public static LintRule ModifiedNotDecreased { get; } = new("OSV903", Error, "modified never goes back", LintScope.History);

    /// <summary>Every rule, ordered by code.</summary>
    public static IReadOnlyList<LintRule> All { get; } =
    [
        IdMatchesFileName, IdPrefix, IdYear, PlaceholderId, UniqueId, RegisteredPrefix,
        ModifiedNotBeforePublished, WithdrawnNotBeforePublished, NotInFuture, HasPublished,
        WellFormedIdentifier, KnownIdentifierPrefix, NoSelfReference, NoDuplicateIdentifier, AliasesAndRelatedDisjoint, AliasClaimedOnce,
        HasAffected, KnownEcosystem, AllowedEcosystem, PurlMatchesPackage, CanonicalPackageName, ValidPackageName,
        HasIntroduced, AscendingEvents, IntroducedBelowEnd, NoOverlappingRanges, FixedOrLastAffected, SemVerVersions,
        EcosystemVersions, ListedVersionSyntax, GitCommits, GitRepository, ListedVersionInRange, VersionOrderKnown,
        ValidCvss, CvssMatchesType,
        AbsoluteUrl, WebUrl, HttpsUrl, UniqueUrl, PrimaryReference,
        HasSummary, OneLineSummary, ShortSummary, SummaryWithoutPeriod, HasDetails, NoWorkMarker, NoHiddenCharacters, AsciiIdsAndVersions,
        DetailsNesting, DetailsMarkupSafe,
        NotDeleted, PublishedUnchanged, ModifiedNotDecreased,
    ];

    private static readonly FrozenDictionary<string, LintRule> ByCode = All.ToFrozenDictionary(rule => rule.Code, StringComparer.Ordinal);

    /// <summary>The rule with this code (exact, upper case), or null.</summary>
    public static LintRule? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>
    /// The explanation page of a rule (Markdown: what it checks, why it matters, a failing and a passing example,
    /// how to fix it, how to turn it off), as <c>advisory validate --explain CODE</c> prints it; null for an unknown code.
    /// </summary>
    public static string? Explain(string code) => Find(code) is null ? null : RuleDocumentation.Read(code);
}
