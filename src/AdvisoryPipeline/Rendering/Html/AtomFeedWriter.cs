using System.Globalization;
using System.Text;
using System.Xml;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// Writes the database's Atom feed (RFC 4287): one entry per advisory of the <see cref="FeedWindow"/>,
/// <c>updated</c> being the advisory's <c>modified</c>. With a site URL every link and ID is that absolute
/// URL; without one, links are relative to the feed (which sits at the site's root) and IDs are
/// <c>tag:</c> URIs (<see cref="AtomTagUri"/>), which stay the same wherever the site is copied.
/// </summary>
public static class AtomFeedWriter
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";

    /// <summary>
    /// The date of what has none: an empty feed's <c>updated</c>, the tag of an undated advisory. A fixed moment, not the
    /// render's, so that rendering an unchanged database gives the same bytes on any day.
    /// </summary>
    public static readonly DateTimeOffset Undated = DateTimeOffset.UnixEpoch;

    /// <summary>The longest entry title: feed readers show titles on one line, as pages do theirs.</summary>
    public const int MaxTitleLength = PageLayout.MaxTitleLength;

    /// <param name="advisories">Every advisory of the site; the feed picks its window itself.</param>
    /// <param name="stylesheetHref">A CSS stylesheet that browsers apply when someone opens the feed, or null.</param>
    public static byte[] Write(IReadOnlyList<AdvisoryView> advisories, RenderSettings settings, DateTimeOffset now, string? stylesheetHref = null)
    {
        var links = new SiteLinks(settings.SiteUrl);
        var tags = new AtomTagUri(settings, advisories);
        var entries = FeedWindow.Select(advisories, now);

        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
        }))
        {
            xml.WriteStartDocument();
            if (stylesheetHref is not null)
                xml.WriteProcessingInstruction("xml-stylesheet", $"type=\"text/css\" href=\"{stylesheetHref}\"");
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteAttributeString("xml", "lang", null, "en");
            xml.WriteElementString("id", AtomNamespace, links.Absolute("") ?? tags.Feed());
            WriteText(xml, "title", ShortText.Cut(SingleLineText.Of(settings.DatabaseName), MaxTitleLength));
            xml.WriteElementString("updated", AtomNamespace,
                OsvTimestamp.Format(entries.Count > 0 ? entries[0].LastUpdated!.Value : Undated));
            if (links.Absolute(SiteLinks.FeedPath) is { } self) WriteLink(xml, "self", "application/atom+xml", self);
            WriteLink(xml, "alternate", "text/html", links.Absolute("") ?? "index.html");
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, ReadableText.Clean(settings.DatabaseName));
            xml.WriteEndElement();
            xml.WriteElementString("generator", AtomNamespace, "AdvisoryPipeline");
            foreach (var advisory in entries) WriteEntry(xml, advisory, links, tags);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void WriteEntry(XmlWriter xml, AdvisoryView advisory, SiteLinks links, AtomTagUri tags)
    {
        var pagePath = SiteLinks.AdvisoryPagePath(advisory.Id);
        var jsonPath = SiteLinks.OsvJsonPath(advisory.Id);
        xml.WriteStartElement("entry", AtomNamespace);
        xml.WriteElementString("id", AtomNamespace, links.Absolute(pagePath) ?? tags.Entry(advisory));
        WriteText(xml, "title", ShortText.Cut(advisory.IsWithdrawn ? $"{advisory.Id} (withdrawn): {advisory.Title}" : $"{advisory.Id}: {advisory.Title}", MaxTitleLength));
        xml.WriteElementString("updated", AtomNamespace, OsvTimestamp.Format(advisory.LastUpdated!.Value));
        if (advisory.Published is { } published)
            xml.WriteElementString("published", AtomNamespace, OsvTimestamp.Format(published));
        WriteLink(xml, "alternate", "text/html", links.Absolute(pagePath) ?? pagePath + "index.html");
        WriteLink(xml, "alternate", "application/json", links.Absolute(jsonPath) ?? jsonPath);
        WriteText(xml, "summary", SummaryOf(advisory));
        foreach (var ecosystem in advisory.Ecosystems)
        {
            xml.WriteStartElement("category", AtomNamespace);
            xml.WriteAttributeString("term", ReadableText.Clean(ecosystem));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>The one-line summary, then what a reader decides on: severity and the affected packages.</summary>
    private static string SummaryOf(AdvisoryView advisory)
    {
        var text = new StringBuilder(advisory.Summary);
        var severity = advisory.HighestSeverity;
        var level = SeverityLevels.Of(severity);
        text.Append("\n\nSeverity: ").Append(level.Label());
        if (severity?.ScoreText is { } score && level != SeverityLevel.Unscored) text.Append(' ').Append(score);
        text.Append('.');
        var packages = advisory.Affected.Where(a => a.Package.Length > 0)
            .Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Package} ({a.Ecosystem})"))
            .Distinct(StringComparer.Ordinal).ToList();
        if (packages.Count > 0) text.Append(" Affected: ").AppendJoin(", ", packages).Append('.');
        if (advisory.IsWithdrawn) text.Append(" This advisory has been withdrawn.");
        return text.ToString();
    }

    private static void WriteText(XmlWriter xml, string element, string text)
    {
        xml.WriteStartElement(element, AtomNamespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(ReadableText.Clean(text));
        xml.WriteEndElement();
    }

    private static void WriteLink(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
