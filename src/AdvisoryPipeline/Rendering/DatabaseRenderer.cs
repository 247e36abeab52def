using System.Text;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.FileSystem;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering.Html;
using AdvisoryPipeline.Rendering.Mail;
using AdvisoryPipeline.Rendering.Mail.Signing;
using AdvisoryPipeline.Rendering.Markdown;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Rendering;

/// <summary>Everything <c>advisory render</c> produces, in memory: relative path → bytes per output folder.</summary>
public sealed record RenderedDatabase(
    IReadOnlyDictionary<string, byte[]> Site,
    IReadOnlyDictionary<string, byte[]> Markdown,
    IReadOnlyDictionary<string, byte[]> Mail,
    IReadOnlyList<Finding> Findings)
{
    public bool Succeeded => !Findings.Any(f => f.IsError);
}

/// <summary>
/// Renders the publishable records of one database for people, in the three places security teams announce:
/// the HTML site with its feed (<c>site/</c>), Markdown pages for the repository (<c>markdown/</c>), and one
/// mailing-list announcement per advisory (<c>mail/ID.txt</c>: the subject line, a blank line, the body). With a
/// <c>policy:</c> block, the site also gets the policy page, the team's key and <c>.well-known/security.txt</c>, and
/// <c>markdown/</c> gets <c>SECURITY.md</c>.
/// </summary>
public static class DatabaseRenderer
{
    public const string SiteFolder = "site";
    public const string MarkdownFolder = "markdown";
    public const string MailFolder = "mail";
    public const string MarkdownIndexFile = "README.md";

    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>
    /// Renders a validated database. Findings are located at the advisories' source files, as every other finding is.
    /// </summary>
    /// <param name="now">The end of the feed's "recent" window; a fixed value makes the output reproducible.</param>
    /// <param name="records">
    /// The records to show when not those of <see cref="PublishableDatabase.Publishable"/> as authored: <c>run</c>
    /// shows them as published, with the timestamps the target holds. Never more than the publishable ones.
    /// </param>
    /// <param name="securityTxtSigner">Clear-signs <c>.well-known/security.txt</c> (RFC 9116, section 2.3) when given.</param>
    public static RenderedDatabase Render(PublishableDatabase database, DateTimeOffset now, IReadOnlyList<OsvRecord>? records = null,
        OpenPgpSigner? securityTxtSigner = null)
    {
        var rendered = Render(records ?? database.Records, RenderSettings.From(database.Config, database.PolicyKey), now, securityTxtSigner);
        return rendered with
        {
            Findings = [.. rendered.Findings.Select(finding =>
                finding with { Location = finding.Location with { File = database.SourceOf(finding.Location.File) ?? finding.Location.File } })],
        };
    }

    /// <param name="records">The publishable set only: embargoed and placeholder records must already be out.</param>
    /// <param name="now">The end of the feed's "recent" window; a fixed value makes the output reproducible.</param>
    internal static RenderedDatabase Render(IReadOnlyList<OsvRecord> records, RenderSettings settings, DateTimeOffset now, OpenPgpSigner? securityTxtSigner = null)
    {
        var views = records.Select(AdvisoryView.From).ToArray();

        var site = HtmlSiteRenderer.Build(views, settings, now, CanonicalOsvWriter.Write);
        var siteFiles = site.Content?.Files ?? new Dictionary<string, byte[]>();
        if (securityTxtSigner is not null && site.Content is { } content && content.Files.ContainsKey(SiteLinks.SecurityTxtPath))
            siteFiles = new Dictionary<string, byte[]>(content.Files, StringComparer.Ordinal)
            {
                [SiteLinks.SecurityTxtPath] = Utf8.GetBytes(securityTxtSigner.Clearsign(content.TextOf(SiteLinks.SecurityTxtPath), SigningTime(now, securityTxtSigner))),
            };

        var markdown = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [MarkdownIndexFile] = Utf8.GetBytes(MarkdownIndexRenderer.Render(views, settings)),
        };
        var mail = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var view in views.Where(v => GeneratedPath.IsWellFormed(MarkdownPageRenderer.FileName(v.Id))))
        {
            markdown[MarkdownPageRenderer.FileName(view.Id)] = Utf8.GetBytes(MarkdownPageRenderer.Render(view, settings));
            var announcement = AnnouncementTextRenderer.Render([view], settings);
            mail[view.Id + ".txt"] = Utf8.GetBytes(MailText(announcement));
        }
        if (settings.Policy is not null)
            markdown[SecurityPolicyMarkdown.FileName] = Utf8.GetBytes(SecurityPolicyMarkdown.Render(settings));
        return new RenderedDatabase(siteFiles, markdown, mail, site.Findings);
    }

    /// <summary>
    /// The moment security.txt's Expires counts from (<see cref="PolicySettings.RenewedAt"/>), so that renders that write
    /// the same text sign it with the same bytes; not before the key existed, which verifiers would refuse.
    /// </summary>
    private static DateTimeOffset SigningTime(DateTimeOffset now, OpenPgpSigner signer)
    {
        var renewed = PolicySettings.RenewedAt(now);
        return renewed < signer.Key.CreatedAt ? signer.Key.CreatedAt : renewed;
    }

    /// <summary>An announcement as one text file: what a maintainer pastes into a mail client.</summary>
    public static string MailText(Announcement announcement) => $"Subject: {announcement.Subject}\n\n{announcement.Body}";

    /// <summary>
    /// Replaces <c>site/</c>, <c>markdown/</c> and <c>mail/</c> under <paramref name="outputFolder"/> (each as one step,
    /// each untouched when unchanged) and says per folder what happened.
    /// </summary>
    public static IReadOnlyList<string> Write(RenderedDatabase rendered, string outputFolder, string displayFolder) =>
        Stage(rendered, outputFolder, displayFolder).Commit();

    /// <summary>
    /// Writes the folders that changed beside their place, without replacing anything yet (see
    /// <see cref="StagedRender.Commit"/>); a failure to write leaves every output as it was.
    /// </summary>
    public static StagedRender Stage(RenderedDatabase rendered, string outputFolder, string displayFolder)
    {
        if (!rendered.Succeeded) throw new InvalidOperationException("Refusing to write a render that has errors.");
        var folders = new List<(string Shown, int Files, FolderReplacement.StagedFolder? Staged)>();
        try
        {
            foreach (var (folder, files) in new[] { (SiteFolder, rendered.Site), (MarkdownFolder, rendered.Markdown), (MailFolder, rendered.Mail) })
                folders.Add((Path.Combine(displayFolder, folder), files.Count, GeneratedFolder.Stage(Path.Combine(outputFolder, folder), files)));
        }
        catch
        {
            foreach (var folder in folders) folder.Staged?.Discard();
            throw;
        }
        return new StagedRender(folders);
    }
}

/// <summary>A render written beside the output folders: <see cref="Commit"/> swaps them in, <see cref="Discard"/> drops it.</summary>
public sealed class StagedRender
{
    private readonly IReadOnlyList<(string Shown, int Files, FolderReplacement.StagedFolder? Staged)> _folders;

    internal StagedRender(IReadOnlyList<(string Shown, int Files, FolderReplacement.StagedFolder? Staged)> folders) => _folders = folders;

    /// <summary>Swaps the changed folders in; one line per folder says what happened.</summary>
    public IReadOnlyList<string> Commit()
    {
        var lines = new List<string>();
        foreach (var (shown, files, staged) in _folders)
        {
            staged?.Swap();
            lines.Add(staged is not null ? $"{shown}: wrote {files} files" : $"{shown}: unchanged ({files} files)");
        }
        return lines;
    }

    public void Discard()
    {
        foreach (var folder in _folders) folder.Staged?.Discard();
    }
}
