using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// The affected versions of one package: the intervals of its ranges as comparison text, and the
/// explicitly listed versions folded into a disclosure (there can be hundreds) that works without script.
/// </summary>
internal static class AffectedVersions
{
    public static void Write(HtmlWriter html, AffectedPackageView affected)
    {
        // Without ranges the listed versions are the whole answer, and AffectedText already shows them.
        html.Element("span", affected.AffectedText, ("class", "versions"));
        if (affected.Ranges.Count == 0 || affected.ExplicitVersions.Count == 0) return;
        html.Open("details", ("class", "listed-versions"))
            .Element("summary", affected.ExplicitVersions.Count == 1 ? "1 listed version" : $"{affected.ExplicitVersions.Count} listed versions")
            .Element("p", string.Join(", ", affected.ExplicitVersions))
            .Close("details");
    }
}
