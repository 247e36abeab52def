using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// A date shown as <c>2026-01-20</c> (ISO, as security advisories print dates), exact to the millisecond in its
/// <c>datetime</c>, which HTML allows no finer (<see cref="DisplayTime.Machine"/>).
/// </summary>
internal static class TimeElement
{
    public static void Write(HtmlWriter html, DateTimeOffset? value)
    {
        if (value is not { } moment)
        {
            html.Element("span", "unknown", ("class", "muted"));
            return;
        }
        html.Element("time", DisplayTime.Date(moment), ("datetime", DisplayTime.Machine(moment)));
    }
}
