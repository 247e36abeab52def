using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Publishing;

namespace AdvisoryPipeline.Announcing;

/// <summary>One post to make.</summary>
public sealed record ChatPost(ChatChannel Channel, ChatAnnouncement Announcement)
{
    public override string ToString() => $"{Channel.Name}: {Announcement.Id} {(Announcement.Notice == ChatNotice.Announced ? "announced" : "withdrawn")}";
}

/// <summary>What an announcement run will do: the posts, and why the other advisories get none.</summary>
public sealed record ChatPlan(IReadOnlyList<ChatPost> Posts, IReadOnlyList<string> Notes);

/// <summary>What was posted, and what failed.</summary>
public sealed record ChatRunResult(IReadOnlyList<ChatPost> Posted, IReadOnlyList<string> Failures);

/// <summary>
/// Decides and makes the chat posts. Only records that are public and published are posted: the records of a publish
/// plan (made from the validated, publishable database, which holds no embargoed advisory and no placeholder ID) whose
/// target already holds exactly them. One post per advisory and channel; a withdrawn advisory that was announced gets
/// one "withdrawn" notice; the ledger is saved after every post, so that a failure half-way posts nothing twice when
/// run again.
/// </summary>
public static class ChatAnnouncer
{
    /// <param name="published">The first target's plan: only <see cref="PublishAction.Unchanged"/> records are published as authored.</param>
    /// <param name="ids">Advisories to consider; null for all.</param>
    public static ChatPlan Plan(PublishPlan published, IReadOnlyList<ChatChannel> channels, AnnouncementLedger ledger, RenderSettings settings,
        IReadOnlyCollection<string>? ids = null)
    {
        var posts = new List<ChatPost>();
        var notes = new List<string>();
        foreach (var advisory in published.Advisories)
        {
            if (ids is not null && !ids.Contains(advisory.Id)) continue;
            if (advisory.IsKept) continue;
            if (advisory.Action != PublishAction.Unchanged || advisory.Record is not { } record)
            {
                notes.Add($"{advisory.Id}: not announced: it is not published yet in {published.Target} (publish it first)");
                continue;
            }
            foreach (var channel in channels)
            {
                if (Notice(record, channel, ledger) is { } notice)
                    posts.Add(new ChatPost(channel, ChatAnnouncement.From(record, settings, notice)));
                else if (record.IsWithdrawn && !ledger.Has(channel.Name, record.Id, ChatNotice.Announced) && ids is not null)
                    notes.Add($"{channel.Name}: {record.Id}: not announced: it was withdrawn before it was ever announced");
            }
        }
        return new ChatPlan(posts, notes);
    }

    /// <summary>
    /// Makes the posts in order, saving the ledger after each. A failed post is reported and the others go on; the
    /// caller fails the run when any did. With <paramref name="recordOnly"/>, nothing is sent: the posts are only
    /// recorded (to adopt chat announcements on a database whose advisories are already known).
    /// </summary>
    public static async Task<ChatRunResult> PostAsync(ChatPlan plan, AnnouncementLedger ledger, string ledgerPath, ChatPoster poster, DateTimeOffset now,
        Action<ChatPost> posted, bool recordOnly = false, CancellationToken cancellationToken = default)
    {
        var done = new List<ChatPost>();
        var failures = new List<string>();
        foreach (var post in plan.Posts)
        {
            try
            {
                if (!recordOnly) await post.Channel.PostAsync(post.Announcement, poster, cancellationToken);
            }
            catch (ChatPostException e)
            {
                failures.Add(e.Message);
                continue;
            }
            ledger = ledger.With(new AnnouncementEntry(post.Channel.Name, post.Announcement.Id, post.Announcement.Notice,
                post.Announcement.Modified, OsvTimestamp.Format(now)));
            ledger.Save(ledgerPath);
            done.Add(post);
            posted(post);
        }
        return new ChatRunResult(done, failures);
    }

    /// <summary>The notice a channel still owes for a record, or null when it has had all it should get.</summary>
    private static ChatNotice? Notice(OsvRecord record, ChatChannel channel, AnnouncementLedger ledger)
    {
        var announced = ledger.Has(channel.Name, record.Id, ChatNotice.Announced);
        if (!record.IsWithdrawn) return announced ? null : ChatNotice.Announced;
        return announced && !ledger.Has(channel.Name, record.Id, ChatNotice.Withdrawn) ? ChatNotice.Withdrawn : null;
    }
}
