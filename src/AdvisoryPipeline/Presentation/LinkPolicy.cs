using AdvisoryPipeline.Markup;

namespace AdvisoryPipeline.Presentation;

/// <summary>
/// Which URLs from a record may become links: those <see cref="LinkTargets"/> allows (absolute http, https and
/// mailto), and only when they hide no whitespace, control or bidi character. Anything else (javascript:, data:,
/// relative paths) is shown as text.
/// </summary>
public static class LinkPolicy
{
    public static bool Allows(string? url) =>
        !string.IsNullOrEmpty(url) && !url.Any(c => char.IsWhiteSpace(c) || SingleLineText.IsHidden(c)) && LinkTargets.IsAllowed(url);
}
