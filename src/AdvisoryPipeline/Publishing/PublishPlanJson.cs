using System.Text.Json;
using System.Text.Json.Serialization;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Publishing;

/// <summary>
/// Plans for programs (<c>--format json</c>): <c>{"plans": [{"target", "run_time", "totals", "advisories": [...]}]}</c>
/// with every record, its action, source file and resolved timestamps.
/// </summary>
public static class PublishPlanJson
{
    public static byte[] Write(IEnumerable<PublishPlan> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var document = new PlansDocument([.. plans.Select(ToDocument)]);
        return CanonicalJson.Write(writer => JsonSerializer.Serialize(writer, document, PublishPlanJsonContext.Default.PlansDocument));
    }

    private static PlanDocument ToDocument(PublishPlan plan) => new(
        plan.Target,
        plan.RunTimestamp,
        new TotalsDocument(
            plan.Count(PublishAction.New),
            plan.Count(PublishAction.Changed),
            plan.Count(PublishAction.Withdrawn),
            plan.Count(PublishAction.Unchanged),
            plan.Count(PublishAction.Held),
            plan.Count(PublishAction.Excluded)),
        [.. plan.Advisories.Select(entry => new AdvisoryDocument(
            entry.Id,
            PublishActionNames.Of(entry.Action),
            entry.SourcePath,
            entry.Record?.Modified,
            entry.Record?.Published,
            entry.Record?.Withdrawn,
            entry.InTarget))]);
}

internal sealed record PlansDocument(
    [property: JsonPropertyName("plans")] IReadOnlyList<PlanDocument> Plans);

internal sealed record PlanDocument(
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("run_time")] string RunTime,
    [property: JsonPropertyName("totals")] TotalsDocument Totals,
    [property: JsonPropertyName("advisories")] IReadOnlyList<AdvisoryDocument> Advisories);

internal sealed record TotalsDocument(
    [property: JsonPropertyName("new")] int New,
    [property: JsonPropertyName("changed")] int Changed,
    [property: JsonPropertyName("withdrawn")] int Withdrawn,
    [property: JsonPropertyName("unchanged")] int Unchanged,
    [property: JsonPropertyName("held")] int Held,
    [property: JsonPropertyName("excluded"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Excluded);

internal sealed record AdvisoryDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("modified")] string? Modified,
    [property: JsonPropertyName("published")] string? Published,
    [property: JsonPropertyName("withdrawn")] string? Withdrawn,
    [property: JsonPropertyName("in_target")] bool InTarget);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PlansDocument))]
internal sealed partial class PublishPlanJsonContext : JsonSerializerContext;
