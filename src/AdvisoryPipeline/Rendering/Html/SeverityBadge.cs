using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// A severity as a coloured badge whose text says the rating and score ("High 8.2"), so that colour is
/// never the only carrier of the information.
/// </summary>
internal static class SeverityBadge
{
    public static void Write(HtmlWriter html, SeverityView? severity) =>
        html.Element("span", TextOf(severity), ("class", $"badge badge-{SeverityLevels.Of(severity).Key()}"));

    /// <summary>"High 8.2", "Critical", "Unscored": what the badge says.</summary>
    public static string TextOf(SeverityView? severity)
    {
        var level = SeverityLevels.Of(severity);
        return level == SeverityLevel.Unscored
            ? severity?.RatingText ?? level.Label()
            : severity?.ScoreText is { } score ? $"{level.Label()} {score}" : level.Label();
    }
}
