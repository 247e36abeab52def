using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// A severity as a coloured badge whose text says the rating and score ("High 8.2"), so that colour is
/// never the only carrier of the information.
/// </summary>
internal static class SeverityBadge
{
    public static void Write(HtmlWriter html, SeverityView? severity)
    {
        var level = SeverityLevels.Of(severity);
        var text = level == SeverityLevel.Unscored
            ? severity?.RatingText ?? level.Label()
            : severity?.ScoreText is { } score ? $"{level.Label()} {score}" : level.Label();
        html.Element("span", text, ("class", $"badge badge-{level.Key()}"));
    }
}
