using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Lint;

/// <summary>OSV101-OSV104: the record's own id, against its file name, the database prefix and its publication year.</summary>
internal static class IdChecks
{
    public static void Check(RecordContext context)
    {
        var id = context.Record.Id;
        if (string.IsNullOrEmpty(id)) return;
        if (!AsciiCheck.IsAscii(id))
        {
            AsciiCheck.Report(context, "/id", id, "the id");
            return;
        }

        CheckFileName(context, id);
        var prefix = context.Config.IdPrefix;
        if (prefix is not null && !id.StartsWith(prefix + "-", StringComparison.Ordinal))
            context.Report(LintRules.IdPrefix, "/id", $"the id {id} does not start with {prefix}-, the prefix of this database",
                $"ids of this database look like {prefix}-YYYY-N (id_prefix in database.yaml)");

        var parts = AdvisoryId.Read(id, prefix);
        if (parts.IsPlaceholder)
            ReportPlaceholder(context, id, parts.Prefix);
        else if (parts.Year is { } year)
            CheckYear(context, id, year);
    }

    private static void CheckFileName(RecordContext context, string id)
    {
        var fileName = Path.GetFileName(context.Document.Path);
        var extension = Path.GetExtension(fileName);
        if (AdvisoryFileFormats.Of(fileName) is null) return;
        var stem = fileName[..^extension.Length];
        if (!string.Equals(stem, id, StringComparison.Ordinal))
            context.Report(LintRules.IdMatchesFileName, "/id", $"the id {id} does not match the file name {fileName}",
                $"rename the file to {id}{extension}, or change the id to {stem}");
    }

    private static void ReportPlaceholder(RecordContext context, string id, string prefix)
    {
        if (context.Options.Placeholders == PlaceholderIds.Refused)
            context.Report(LintRules.PlaceholderId, "/id", $"{id} is a placeholder id, which cannot be published",
                $"assign the next free id ({prefix}-YYYY-N) and rename the file to match");
        else
            context.Report(LintRules.PlaceholderId, "/id", $"{id} is a placeholder id: the real id is to be assigned",
                $"fine during review; assign {prefix}-YYYY-N and rename the file before publishing");
    }

    private static void CheckYear(RecordContext context, string id, int year)
    {
        if (context.Published is not { } published || published.Year == year) return;
        var publishedLine = context.Locate("/published").Line;
        context.Report(LintRules.IdYear, "/id",
            $"the id {id} carries the year {year}, but the advisory is published in {published.Year} (line {publishedLine})",
            $"ids carry the year of publication: correct the id or published");
    }
}
