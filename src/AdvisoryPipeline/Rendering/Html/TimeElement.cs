using System.Globalization;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>A date shown as <c>2026-01-20</c> (ISO, as security advisories print dates), exact in its <c>datetime</c>.</summary>
internal static class TimeElement
{
    public static void Write(HtmlWriter html, DateTimeOffset? value)
    {
        if (value is not { } moment)
        {
            html.Element("span", "unknown", ("class", "muted"));
            return;
        }
        html.Element("time", Date(moment), ("datetime", OsvTimestamp.Format(moment)));
    }

    public static string Date(DateTimeOffset moment) =>
        moment.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
