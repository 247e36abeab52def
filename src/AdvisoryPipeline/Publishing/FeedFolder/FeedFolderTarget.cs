using System.Text.Json;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.FileSystem;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Publishing.FeedFolder;

/// <summary>
/// <c>dir:PATH</c>: the consumer feed in a local folder, in osv.dev's layout (<see cref="OsvFeedLayout"/>). The feed's
/// own record files are the ledger. A publish builds the whole new feed in a folder beside the target and swaps it in
/// with two renames, so a run that fails leaves the previous feed as it was; unchanged files are carried over as
/// they are (hard-linked, so bytes and modification times stay), files the feed does not own too, and a feed that is
/// already right is not touched at all.
/// </summary>
public sealed class FeedFolderTarget : IPublishTarget
{
    private readonly FolderReplacement _swap;

    /// <param name="name">The target as the user named it (<c>dir:out/osv</c>).</param>
    /// <param name="path">The feed's folder.</param>
    public FeedFolderTarget(string name, string path)
    {
        Name = name;
        Root = Path.GetFullPath(path);
        _swap = new FolderReplacement(Root);
    }

    public string Name { get; }

    /// <summary>The feed's folder, absolute.</summary>
    public string Root { get; }

    /// <summary>
    /// Called before each file is staged (with its path in the feed) and between the two renames of the swap (with
    /// <see cref="FolderReplacement.SwapStep"/>): tests throw from it to fail a run half-way.
    /// </summary>
    internal Action<string>? BeforeWrite { get; init; }

    public Task<Ledger> ReadLedgerAsync(CancellationToken cancellationToken)
    {
        try
        {
            _swap.Recover();
            var contents = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
            var records = new Dictionary<string, LedgerRecord>(StringComparer.Ordinal);
            var findings = new List<Finding>();
            foreach (var (relativePath, fullPath) in FeedFiles.List(Root).Where(file => IsRecordPath(file.RelativePath)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var id = Path.GetFileNameWithoutExtension(relativePath);
                var content = File.ReadAllBytes(fullPath);
                if (PublishedRecordReader.TryRead(content, id, out var error) is not { } record)
                    findings.Add(PublishFindings.UnreadableTargetRecord(fullPath, error!));
                else if (records.TryAdd(id, record))
                    contents[id] = content;
            }
            if (findings.Count > 0)
                throw new PublishRefusedException(findings);
            return Task.FromResult(new Ledger(new FeedFolderLedgerSource(Name, contents), records.Values));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PublishFailedException($"Cannot read the feed in {Root}: {e.Message}", e);
        }
    }

    public Task<ApplyResult> ApplyAsync(PublishPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Ledger.Source is not FeedFolderLedgerSource source)
            throw new ArgumentException($"The plan was not made from {Name}'s ledger.", nameof(plan));
        var desired = BuildFeed(plan, source);
        try
        {
            var existing = FeedFiles.List(Root).ToList();
            var kept = existing
                .Where(file => desired.TryGetValue(file.RelativePath, out var content) && FeedFiles.HasContent(file.FullPath, content))
                .Select(file => file.RelativePath)
                .ToHashSet(StringComparer.Ordinal);
            var owned = existing.Count(file => OsvFeedFiles.IsFeedPath(file.RelativePath));
            if (kept.Count == desired.Count && owned == desired.Count)
                return Task.FromResult(ApplyResult.Done(new PublishOutcome(PublishOutcomeKind.NothingToWrite, $"{Name} is up to date")));

            var foreign = existing.Where(file => !OsvFeedFiles.IsFeedPath(file.RelativePath)).ToList();
            _swap.Replace(staging =>
            {
                foreach (var (relativePath, content) in desired)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    BeforeWrite?.Invoke(relativePath);
                    if (kept.Contains(relativePath))
                        FeedFiles.Keep(Path.Combine(Root, relativePath), staging, relativePath);
                    else
                        FeedFiles.Write(staging, relativePath, content);
                }
                foreach (var (relativePath, fullPath) in foreign)
                {
                    BeforeWrite?.Invoke(relativePath);
                    FeedFiles.Keep(fullPath, staging, relativePath);
                }
            }, () => BeforeWrite?.Invoke(FolderReplacement.SwapStep));
            var changed = desired.Count - kept.Count;
            return Task.FromResult(ApplyResult.Done(new PublishOutcome(PublishOutcomeKind.Written,
                $"wrote {Name}: {PublishActionNames.Totals(plan)} ({changed} of {desired.Count} files changed)")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PublishFailedException($"Cannot write the feed in {Root}: {e.Message}. The previous feed is unchanged.", e);
        }
    }

    private static bool IsRecordPath(string relativePath) =>
        relativePath.Count(c => c == '/') == 1 && relativePath.EndsWith(OsvFeedFiles.RecordExtension, StringComparison.Ordinal);

    private IReadOnlyDictionary<string, byte[]> BuildFeed(PublishPlan plan, FeedFolderLedgerSource source)
    {
        var records = new List<FeedRecord>();
        foreach (var entry in plan.Advisories.Where(entry => entry.IsPublished))
        {
            if (!entry.IsKept)
            {
                records.Add(FeedRecord.From(entry.Record!, entry.Content));
                continue;
            }
            // Held or excluded but already published: the feed keeps the version it has.
            var content = source.Contents[entry.Id];
            try
            {
                var record = JsonSerializer.Deserialize(content.Span, OsvJsonContext.Default.OsvRecord)!;
                records.Add(FeedRecord.From(record, content));
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                throw new PublishFailedException($"{Name} holds {entry.Id}, which is held, and its file cannot be read back: {e.Message}", e);
            }
        }
        try
        {
            return OsvFeedLayout.Build(records);
        }
        catch (ArgumentException e)
        {
            throw new PublishFailedException($"Cannot lay out the feed of {Name}: {e.Message}", e);
        }
    }
}

/// <summary>The ledger's origin for a folder feed, with each record's bytes (the feed keeps held records as they are).</summary>
internal sealed record FeedFolderLedgerSource(string Name, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Contents) : LedgerSource
{
    public override string Description => Name;
}
