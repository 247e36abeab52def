




using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Tests.Rendering.Html;

/// <summary>Small advisories built in code for the cases the sample database does not show.</summary>
internal static class TestAdvisories
{
    public static AdvisoryView Make(
        string id,
        DateTimeOffset? modified = null,
        DateTimeOffset? published = null,
        IReadOnlyList<string>? aliases = null,
        bool withdrawn = false)
    {
        var changed = modified ?? new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);
        return AdvisoryView.From(new OsvRecord
        {
            Id = id,
            Modified = OsvTimestamp.Format(changed),
            Published = OsvTimestamp.Format(published ?? changed),
            Withdrawn = withdrawn ? OsvTimestamp.Format(changed) : null,
            Aliases = aliases,
            Summary = $"Summary of {id}",
            Affected = [new OsvAffected { Package = new OsvPackage { Ecosystem = "PyPI", Name = "demo" } }],
        });
    }
}
