namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// Markup that has passed the sanitizer. Only <see cref="DetailsRenderer"/> creates it, and the page writer
/// accepts raw markup only in this type, so author text cannot reach a page unencoded by accident.
/// </summary>
public readonly struct SanitizedHtml
{
    internal SanitizedHtml(string markup) => Markup = markup;

    public string Markup => field ?? "";

    public bool IsEmpty => string.IsNullOrWhiteSpace(Markup);
}
