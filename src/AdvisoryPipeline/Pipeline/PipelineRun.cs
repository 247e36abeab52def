using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Publishing;
using AdvisoryPipeline.Rendering;
using AdvisoryPipeline.Rendering.Mail.Signing;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Pipeline;

/// <summary>What <see cref="PipelineRun.RunAsync"/> did: the publish to each target, and the rendered folders.</summary>
/// <param name="Rendered">The render, with its warnings (errors stop the run before anything is written).</param>
/// <param name="RenderLines">One line per output folder: written, or unchanged.</param>
public sealed record PipelineRunResult(IReadOnlyList<TargetPublishResult> Published, RenderedDatabase Rendered, IReadOnlyList<string> RenderLines);

/// <summary>
/// <c>advisory run</c> as one operation: publish a validated database to its targets, then render it from the
/// records as published (so that pages show the timestamps the targets manage). Everything it will produce is
/// checked before anything is written: every target is read and planned and every record validated, and the site
/// is rendered and written beside its folders; only then are the plans applied and the rendered folders swapped in.
/// Several targets are published one after the other: a failure of a later one leaves the earlier ones published,
/// and the rendered folders as they were.
/// </summary>
public static class PipelineRun
{
    /// <param name="outputFolder">Where <c>site/</c>, <c>markdown/</c> and <c>mail/</c> go.</param>
    /// <param name="displayFolder">The output folder as the user named it, for the lines that say what was written.</param>
    /// <exception cref="PublishRefusedException">A target or a record refuses the publish: nothing was written.</exception>
    /// <exception cref="FindingsException">The records cannot be rendered: nothing was written.</exception>
    /// <exception cref="PublishFailedException">A target failed; targets before it were published, nothing was rendered.</exception>
    /// <param name="securityTxtSigner">Clear-signs the site's <c>.well-known/security.txt</c> when given.</param>
    public static async Task<PipelineRunResult> RunAsync(PublishableDatabase database, IReadOnlyList<IPublishTarget> targets,
        string outputFolder, string displayFolder, DateTimeOffset now, OpenPgpSigner? securityTxtSigner = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (targets.Count == 0) throw new ArgumentException("A run publishes to at least one target.", nameof(targets));
        var publisher = Publisher.For(database);
        var request = PublishRequest.For(database, now);

        var plans = await publisher.PlanAsync(request, targets, cancellationToken);
        var rendered = Render(database, plans[0], now, securityTxtSigner);
        var staged = DatabaseRenderer.Stage(rendered, outputFolder, displayFolder);
        IReadOnlyList<TargetPublishResult> published;
        try
        {
            published = await publisher.ApplyAsync(request, targets, plans, cancellationToken);
        }
        catch
        {
            staged.Discard();
            throw;
        }
        // A target that changed meanwhile was planned again, perhaps with other timestamps: show what it now holds.
        if (!ReferenceEquals(published[0].Plan, plans[0]))
        {
            staged.Discard();
            rendered = Render(database, published[0].Plan, now, securityTxtSigner);
            staged = DatabaseRenderer.Stage(rendered, outputFolder, displayFolder);
        }
        return new PipelineRunResult(published, rendered, staged.Commit());
    }

    /// <summary>Pages show each record as the first target holds it, once the plan is applied.</summary>
    private static RenderedDatabase Render(PublishableDatabase database, PublishPlan plan, DateTimeOffset now, OpenPgpSigner? signer)
    {
        OsvRecord[] records = [.. plan.Advisories.Where(a => !a.IsKept && a.Record is not null).Select(a => a.Record!)];
        var rendered = DatabaseRenderer.Render(database, now, records, signer);
        if (!rendered.Succeeded)
            throw new FindingsException("the site cannot be rendered: nothing was written", rendered.Findings);
        return rendered;
    }
}
