
namespace AdvisoryPipeline.Osv;

/// <summary>The timestamp a lifecycle command writes for "now": UTC, whole seconds, as OSV records carry them.</summary>
internal static class RecordTimestamp
{
    public static string Of(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return OsvTimestamp.Format(utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond)));
    }
}
