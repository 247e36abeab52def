namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// Markup built from author text by <see cref="DetailsRenderer"/>'s allowlist, and nothing else. Only that renderer
/// creates it, and the page writer accepts raw markup only in this type, so author text cannot reach a page
/// unencoded by accident.
/// </summary>
public readonly struct SanitizedHtml
{
    internal SanitizedHtml(string markup) => Markup = markup;

    public string Markup => field ?? "";

    public bool IsEmpty => string.IsNullOrWhiteSpace(Markup);
}
