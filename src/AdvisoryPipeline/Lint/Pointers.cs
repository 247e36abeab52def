using System.Globalization;
using AdvisoryPipeline.JsonSchema;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Lint;

/// <summary>JSON pointers (<see cref="JsonPointer"/>) to the parts of an OSV record; built only when a finding or a summary needs one.</summary>
internal static class Pointers
{
    public static string Item(string list, int index) => JsonPointer.Append(list, index);

    public static string Affected(int affected) => Item("/affected", affected);

    public static string Range(int affected, int range) => Item(Affected(affected) + "/ranges", range);

    /// <summary>The version of an event: <c>/affected/0/ranges/1/events/2/fixed</c>.</summary>
    public static string Event(int affected, int range, int @event, OsvEventKind kind) =>
        Item(Range(affected, range) + "/events", @event) + "/" + EventKey(kind);

    /// <summary>The key an event kind is written with.</summary>
    public static string EventKey(OsvEventKind kind) => kind switch
    {
        OsvEventKind.Introduced => "introduced",
        OsvEventKind.Fixed => "fixed",
        OsvEventKind.LastAffected => "last_affected",
        _ => "limit",
    };

    public static string ListedVersion(int affected, int version) => Item(Affected(affected) + "/versions", version);
}
