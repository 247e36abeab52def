using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Lint;

/// <summary>
/// OSV201-OSV204: the record's timestamps tell a possible story. Unparsable timestamps are the schema's to report; the zero
/// time (<see cref="OsvTimestamp.IsZero"/>) is no date, so it is never before or after another.
/// </summary>
internal static class TimestampChecks
{
    /// <summary>Clocks and time zones differ; a day of slack keeps an advisory written "tomorrow" somewhere from failing.</summary>
    private static readonly TimeSpan FutureSlack = TimeSpan.FromDays(1);

    public static void Check(RecordContext context)
    {
        var record = context.Record;
        var (published, modified, withdrawn) = (context.Published, context.Modified, context.Withdrawn);

        if (record.Published is null)
            context.ReportAtKey(LintRules.HasPublished, "/published", "the record has no published date: the first publish sets it to the time of publication",
                "write published: only for an advisory that was made public before, with that UTC time, e.g. published: \"2025-01-28T14:00:00Z\"");
        else if (OsvTimestamp.IsZero(record.Published))
            context.Report(LintRules.HasPublished, "/published", $"published is {record.Published}, the zero time, which stands for no date",
                "write the UTC time the advisory was first made public; left as it is, the first publish sets it");

        if (modified < published)
            context.Report(LintRules.ModifiedNotBeforePublished, "/modified",
                $"modified ({record.Modified}) is before published ({record.Published})",
                "modified is the time of the latest change, so it is at least published; set it to now");
        if (withdrawn < published)
            context.Report(LintRules.WithdrawnNotBeforePublished, "/withdrawn",
                $"withdrawn ({record.Withdrawn}) is before published ({record.Published})",
                "an advisory is withdrawn after it is published; correct the date");

        var latestAcceptable = context.Now + FutureSlack;
        if (published > latestAcceptable) ReportFuture(context, "published", record.Published!);
        if (modified > latestAcceptable) ReportFuture(context, "modified", record.Modified!);
        if (withdrawn > latestAcceptable) ReportFuture(context, "withdrawn", record.Withdrawn!);
    }

    private static void ReportFuture(RecordContext context, string field, string value) =>
        context.Report(LintRules.NotInFuture, "/" + field,
            $"{field} ({value}) is in the future (now is {OsvTimestamp.Format(context.Now)})",
            "timestamps are UTC and record what has happened: check the date and the time zone");
}
