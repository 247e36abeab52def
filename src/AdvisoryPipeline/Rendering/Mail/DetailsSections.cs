using AdvisoryPipeline.Markup;
using AdvisoryPipeline.Presentation;
using Markdig.Syntax;

namespace AdvisoryPipeline.Rendering.Mail;

/// <summary>
/// The details split for an announcement: the description, and the "Workarounds" section (a heading that
/// starts with "Workaround", up to the next heading of the same or a higher level), which the mail shows
/// as a section of its own because it is what readers who cannot upgrade yet look for first.
/// </summary>
internal sealed record DetailsSections(IReadOnlyList<Block> Description, string? WorkaroundsTitle, IReadOnlyList<Block> Workarounds)
{
    public static DetailsSections Of(DetailsMarkdown? details)
    {
        if (details?.Document is not { } document) return new([], null, []);
        var blocks = document.ToList();
        var start = blocks.FindIndex(b => b is HeadingBlock h && IsWorkaroundsTitle(TitleOf(h)));
        if (start < 0) return new(blocks, null, []);

        var heading = (HeadingBlock)blocks[start];
        var end = blocks.FindIndex(start + 1, b => b is HeadingBlock h && h.Level <= heading.Level);
        if (end < 0) end = blocks.Count;
        return new(
            [.. blocks.Take(start), .. blocks.Skip(end)],
            TitleOf(heading),
            blocks.GetRange(start + 1, end - start - 1));
    }

    private static string TitleOf(HeadingBlock heading) => SingleLineText.Of(PlainTextInlines.Render(heading.Inline));

    private static bool IsWorkaroundsTitle(string title) => title.StartsWith("workaround", StringComparison.OrdinalIgnoreCase);
}
