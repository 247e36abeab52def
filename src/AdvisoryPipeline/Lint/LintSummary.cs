using System.Text.Json.Serialization;
using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Lint;

/// <summary>A string of a record and where it is written.</summary>
public sealed record LocatedValue(string Value, SourceLocation Where);

/// <summary>
/// What the database-wide and history rules need to know about one advisory file, produced by
/// <see cref="LintRun.CheckRecord"/>. It is small and plain so that the validate command can cache it per file
/// (by content hash) and re-run the database rules over 50,000 cached summaries without loading any record;
/// <see cref="LintSummaryJsonContext"/> serialises it.
/// </summary>
/// <param name="Path">The file, as the findings name it.</param>
/// <param name="Id">The record's id and where it is written.</param>
/// <param name="Published">The <c>published</c> timestamp as written, or null.</param>
/// <param name="Modified">The <c>modified</c> timestamp as written, or null.</param>
/// <param name="Withdrawn">Whether the record is withdrawn: a withdrawn record may share aliases with its replacement.</param>
/// <param name="Aliases">The record's aliases, in order.</param>
/// <param name="Packages">
/// What the record's affected entries cover, as <see cref="PackageKeys"/> (sorted, distinct): records that share an
/// alias are duplicates only when they cover a package in common.
/// </param>
public sealed record LintSummary(
    string Path,
    LocatedValue Id,
    LocatedValue? Published,
    LocatedValue? Modified,
    bool Withdrawn,
    IReadOnlyList<LocatedValue> Aliases,
    IReadOnlyList<string> Packages);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LintSummary))]
[JsonSerializable(typeof(IReadOnlyList<LintSummary>))]
public sealed partial class LintSummaryJsonContext : JsonSerializerContext;
