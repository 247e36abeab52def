using System.Text.Json;
using Microsoft.Playwright;

namespace AdvisoryPipeline.Tests.Rendering.Html.Browser;

/// <summary>
/// Watches one browser tab while it loads pages: dialogs (dismissed at once), console messages (CSP
/// violations are reported there), uncaught script errors, every request, and every navigation of the
/// main frame; and after each load, audits the DOM.
/// </summary>
internal sealed class PageProbe
{
    private static readonly TimeSpan RedirectTimeout = TimeSpan.FromSeconds(15);

    private readonly object _gate = new();
    private readonly List<string> _dialogs = [];
    private readonly List<string> _console = [];
    private readonly List<string> _errors = [];
    private readonly List<string> _requests = [];
    private readonly List<string> _navigations = [];
    private (string Url, TaskCompletionSource Loaded)? _awaitedRedirect;

    public PageProbe(IPage page)
    {
        Page = page;
        page.Dialog += async (_, dialog) =>
        {
            Record(_dialogs, $"{dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (!IsMissingOriginIcon(message)) Record(_console, $"{message.Type}: {message.Text}");
        };
        page.PageError += (_, error) => Record(_errors, error);
        page.Request += (_, request) => Record(_requests, request.Url);
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame) Record(_navigations, frame.Url);
        };
        // Playwright's own wait for a URL can miss a meta refresh that lands while goto is finishing;
        // the load event of the target page cannot be missed.
        page.Load += (_, loaded) =>
        {
            lock (_gate)
                if (_awaitedRedirect is { } awaited && loaded.Url == awaited.Url) awaited.Loaded.TrySetResult();
        };
    }

    public IPage Page { get; }

    /// <summary>
    /// Loads <paramref name="url"/>; when a redirect is expected, waits until the browser loaded its target.
    /// Then lets pending handlers run and runs <paramref name="audit"/> (one of <see cref="DomAudit"/>'s
    /// scripts) in the page.
    /// </summary>
    public async Task<PageVisit> VisitAsync(string url, string audit, string? redirectsTo = null)
    {
        var redirected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _dialogs.Clear();
            _console.Clear();
            _errors.Clear();
            _requests.Clear();
            _navigations.Clear();
            _awaitedRedirect = redirectsTo is null ? null : (redirectsTo, redirected);
        }
        await Page.GotoAsync(url);
        if (redirectsTo is not null) await redirected.Task.WaitAsync(RedirectTimeout);
        // Handlers queued during load (onerror, onload, zero-delay timers) run before the audit looks.
        var result = await Page.EvaluateAsync<JsonElement>($$"""
            async () => {
              await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
              return { title: document.title, problems: ({{audit}})() };
            }
            """);
        lock (_gate)
        {
            return new PageVisit(url, Page.Url, result.GetProperty("title").GetString() ?? "", [.. _dialogs], [.. _console], [.. _errors],
                [.. _requests], [.. _navigations], [.. result.GetProperty("problems").EnumerateArray().Select(p => p.GetString() ?? "")]);
        }
    }

    /// <summary>What went wrong since the last visit began: dialogs, console messages, script errors.</summary>
    public IReadOnlyList<string> Complaints()
    {
        lock (_gate) return [.. _dialogs, .. _console, .. _errors];
    }

    /// <summary>
    /// A page without an icon link (the feed) makes Chromium ask the server for <c>/favicon.ico</c> at the
    /// origin's root, which is the web server's business rather than the site's; its 404 is not a finding.
    /// </summary>
    private static bool IsMissingOriginIcon(IConsoleMessage message) =>
        message.Type == "error" && message.Location.Contains("/favicon.ico:", StringComparison.Ordinal);

    private void Record(List<string> list, string entry)
    {
        lock (_gate) list.Add(entry);
    }
}

/// <summary>Everything a page did while it loaded.</summary>
internal sealed record PageVisit(
    string Url,
    string FinalUrl,
    string Title,
    IReadOnlyList<string> Dialogs,
    IReadOnlyList<string> ConsoleMessages,
    IReadOnlyList<string> PageErrors,
    IReadOnlyList<string> Requests,
    IReadOnlyList<string> Navigations,
    IReadOnlyList<string> DomProblems)
{
    /// <summary>
    /// The page ran nothing but our own script: no dialog, no console message at all (a CSP violation, a
    /// payload's log, a missing asset would each print one), no script error, no request beyond
    /// <paramref name="isLocal"/>, no navigation but the expected ones, the title as rendered, and a DOM that
    /// holds nothing executable or remote (see <see cref="DomAudit"/>).
    /// </summary>
    public void AssertNothingRan(string expectedTitle, Func<Uri, bool> isLocal, string? redirectTarget = null)
    {
        var where = $" on {Url}";
        Assert.True(Dialogs.Count == 0, "dialogs opened" + where + ": " + string.Join(" | ", Dialogs));
        Assert.True(ConsoleMessages.Count == 0, "console messages" + where + ": " + string.Join(" | ", ConsoleMessages));
        Assert.True(PageErrors.Count == 0, "script errors" + where + ": " + string.Join(" | ", PageErrors));
        var remote = Requests.Where(r => !Uri.TryCreate(r, UriKind.Absolute, out var uri) || !isLocal(uri)).ToList();
        Assert.True(remote.Count == 0, "requests left the site" + where + ": " + string.Join(" | ", remote));
        var expectedNavigations = redirectTarget is null ? new[] { Url } : [Url, redirectTarget];
        var unexpected = Navigations.Where(n => !expectedNavigations.Contains(n)).ToList();
        Assert.True(unexpected.Count == 0, "unexpected navigations" + where + ": " + string.Join(" | ", unexpected));
        Assert.Equal(redirectTarget ?? Url, FinalUrl);
        Assert.Equal(expectedTitle, Title);
        Assert.True(DomProblems.Count == 0, "DOM problems" + where + ": " + string.Join(" | ", DomProblems));
    }
}
