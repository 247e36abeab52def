using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Publishing;

/// <summary>The reasons a publish is refused, with their stable codes (<c>PUB0xx</c>).</summary>
public static class PublishFindings
{
    public const string DuplicateIdCode = "PUB001";
    public const string UnsafeIdCode = "PUB002";
    public const string HeldAndPublishableCode = "PUB003";
    public const string DisappearedCode = "PUB004";
    public const string PublishedChangedCode = "PUB005";
    public const string FutureTimestampCode = "PUB006";
    public const string ClockBehindTargetCode = "PUB007";
    public const string InvalidTimestampCode = "PUB008";
    public const string InvalidRecordCode = "PUB010";
    public const string UnreadableTargetRecordCode = "PUB020";

    public static Finding DuplicateId(PublishableAdvisory advisory, string firstSource) => Error(DuplicateIdCode, advisory.SourcePath,
        $"{advisory.Record.Id} is also the ID of {firstSource}",
        "Every advisory needs its own ID.");

    public static Finding UnsafeId(PublishableAdvisory advisory) => Error(UnsafeIdCode, advisory.SourcePath,
        $"the ID '{advisory.Record.Id}' cannot be a file name in the published feed",
        "Use ASCII letters, digits, '.', '_' and '-' only, starting with a letter or digit (advisory validate reports it as ID001).");

    public static Finding HeldAndPublishable(PublishableAdvisory advisory) => Error(HeldAndPublishableCode, advisory.SourcePath,
        $"{advisory.Record.Id} is both held (embargoed) and ready to publish");

    public static Finding Disappeared(string id, LedgerSource target) => Error(DisappearedCode, target.Description,
        $"{id} is in the target but not among the advisories to publish: withdraw it instead of deleting it",
        "Restore its file and set 'withdrawn' to the time of withdrawal; a published record never disappears.");

    public static Finding PublishedChanged(PublishableAdvisory advisory, string targetPublished) => Error(PublishedChangedCode, advisory.SourcePath,
        $"{advisory.Record.Id} says published {advisory.Record.Published}, but it was published at {targetPublished}",
        $"A record's publication time never changes: set published to {targetPublished} or remove the field.");

    public static Finding FutureTimestamp(PublishableAdvisory advisory, string field, string value, string runTimestamp) => Error(FutureTimestampCode, advisory.SourcePath,
        $"{advisory.Record.Id} has {field} {value}, later than this publish ({runTimestamp})",
        "A record cannot be published or withdrawn in the future: hold it (embargo) until then.");

    public static Finding ClockBehindTarget(string runTimestamp, LedgerRecord newest, LedgerSource target) => Error(ClockBehindTargetCode, target.Description,
        $"this publish runs at {runTimestamp}, not later than {newest.Id}'s modified time {newest.Modified} in the target, so modified would go backwards",
        "Check the clock (or --now); consumers fetch what changed since the newest modified time they saw.");

    public static Finding InvalidTimestamp(PublishableAdvisory advisory, string field, string value) => Error(InvalidTimestampCode, advisory.SourcePath,
        $"{advisory.Record.Id} has {field} '{value}', which is not an RFC 3339 UTC timestamp");

    public static Finding InvalidRecord(string id, string? sourcePath, string message) => Error(InvalidRecordCode, sourcePath ?? id,
        $"the published JSON of {id} would not be valid OSV: {message}",
        "This is a bug of the publisher if the advisory passed validation: please report it.");

    public static Finding UnreadableTargetRecord(string location, string reason) => Error(UnreadableTargetRecordCode, location,
        $"the target holds a file that is not a record the publisher can read: {reason}",
        "Restore the file from the target's history, or remove it if it is not an advisory.");

    private static Finding Error(string code, string file, string message, string? hint = null) =>
        new(code, FindingLevel.Error, message, SourceLocation.WholeFile(file), hint);
}
