using System.CommandLine;
using System.Text;
using AdvisoryPipeline.Announcing;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Publishing;
using AdvisoryPipeline.Rendering.Mail;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary>
/// <c>advisory announce [ID...] --chat</c>: one post per published advisory to every channel of <c>chat:</c> (Slack,
/// Discord, Matrix) that has not had it, as the ledger (<c>advisories/.announcements</c>) records; a withdrawn advisory
/// gets one "withdrawn" notice. "Published" is read from the first publish target: a record it does not hold as
/// authored is not posted. <c>--dry-run</c> prints the payloads and sends nothing; <c>--record-only</c> records
/// without sending (the first run on a database whose advisories are known already).
/// </summary>
public sealed class ChatAnnounceOptions
{
    public Option<bool> Chat { get; } = new("--chat")
    {
        Description = "Post to the chat channels of database.yaml (Slack, Discord, Matrix) instead of writing the mail; without IDs, every published advisory not yet posted",
    };

    public Option<string[]> Channels { get; } = new("--channel")
    {
        Description = "Post only to this channel (service/name, e.g. slack/security-announce). Repeatable",
        HelpName = "CHANNEL",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "With --chat: print what would be posted, with each payload; send nothing, read no secret" };

    public Option<bool> RecordOnly { get; } = new("--record-only") { Description = "With --chat: record the posts in the ledger without sending them" };

    public Option<string?> Ledger { get; } = new("--ledger")
    {
        Description = $"With --chat: the ledger file (default: {AnnouncementLedger.FileName} in the advisory folder)",
        HelpName = "FILE",
    };

    public Option<string[]> Targets { get; } = new("--target")
    {
        Description = "With --chat: the publish target that says what is published (default: the first of publish.targets, else dir:out/osv)",
        HelpName = "SPEC",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> TokenVariable { get; } = new("--token-env")
    {
        Description = "With --chat and a github: target: the environment variable holding the GitHub token (default: GITHUB_TOKEN)",
        HelpName = "NAME",
    };

    public void AddTo(Command command)
    {
        command.Add(Chat);
        command.Add(Channels);
        command.Add(DryRun);
        command.Add(RecordOnly);
        command.Add(Ledger);
        command.Add(Targets);
        command.Add(TokenVariable);
    }

    /// <summary>The options that only make sense with --chat, when they are given without it.</summary>
    public string? Misplaced(ParseResult parse) =>
        parse.GetValue(DryRun) ? "--dry-run" : parse.GetValue(RecordOnly) ? "--record-only" : parse.GetValue(Ledger) is not null ? "--ledger"
        : parse.GetValue(Channels) is { Length: > 0 } ? "--channel" : parse.GetValue(Targets) is { Length: > 0 } ? "--target"
        : parse.GetValue(TokenVariable) is not null ? "--token-env" : null;

    public int Run(ParseResult parse, CliEnvironment env, PublishableDatabase database, IReadOnlyList<string> ids, string advisoryFolder, DateTimeOffset now,
        RetryPolicy? retry = null)
    {
        if (parse.GetValue(DryRun) && parse.GetValue(RecordOnly))
            throw new UsageException("--dry-run and --record-only exclude each other");
        if (ids.Count > 0) database.Select(ids);
        var dryRun = parse.GetValue(DryRun);
        var channels = ChatChannels.From(database.Config.Chat, env.GetVariable, parse.GetValue(Channels), withSecrets: !dryRun && !parse.GetValue(RecordOnly));
        var settings = RenderSettings.From(database.Config, database.PolicyKey);

        var context = new PublishTargetContext(env.WorkingDirectory, env.GetVariable);
        if (parse.GetValue(TokenVariable) is { } variable) context = context with { TokenVariable = variable };
        var target = PublishTargets.Create(PublishTargets.Choose(parse.GetValue(Targets) ?? [], database.Config)[0], context);
        PublishPlan published;
        try
        {
            published = Publisher.For(database).PlanAsync(PublishRequest.For(database, now, dryRun: true), [target]).GetAwaiter().GetResult()[0];
        }
        catch (PublishRefusedException refused)
        {
            // What is published is read from a publish plan; a plan the target refuses says nothing reliable.
            throw new FindingsException($"{target.Name} cannot be compared with the advisories, so what is published is unknown: nothing was posted", refused.Findings);
        }

        var ledgerDisplay = parse.GetValue(Ledger) ?? Path.Combine(advisoryFolder, AnnouncementLedger.FileName);
        var ledgerPath = Path.GetFullPath(ledgerDisplay, env.WorkingDirectory);
        var ledger = AnnouncementLedger.Load(ledgerPath, ledgerDisplay);
        var plan = ChatAnnouncer.Plan(published, channels, ledger, settings, ids.Count > 0 ? ids.ToHashSet(StringComparer.Ordinal) : null);
        foreach (var note in plan.Notes) env.Out.WriteLine(note);

        if (dryRun)
        {
            foreach (var post in plan.Posts)
            {
                env.Out.WriteLine($"--- {post} ---");
                env.Out.Write(Encoding.UTF8.GetString(post.Channel.Payload(post.Announcement)));
            }
            env.Out.WriteLine(plan.Posts.Count == 0 ? "nothing to post" : $"{plan.Posts.Count} post(s) would be made; nothing was sent");
            return ExitCodes.Success;
        }

        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        var poster = new ChatPoster(http, retry ?? RetryPolicy.Default, env.Clock);
        var recordOnly = parse.GetValue(RecordOnly);
        var result = ChatAnnouncer.PostAsync(plan, ledger, ledgerPath, poster, now,
            post => env.Out.WriteLine(recordOnly ? $"{post} (recorded, not sent)" : post.ToString()), recordOnly).GetAwaiter().GetResult();
        env.Out.WriteLine(plan.Posts.Count == 0 ? "nothing to post" : $"{result.Posted.Count} of {plan.Posts.Count} post(s) made; ledger: {ledgerDisplay}");
        if (result.Failures.Count > 0)
            throw new ChatPostException(string.Join("\n", result.Failures) + (result.Posted.Count > 0 ? "\nthe posts made are in the ledger; run again to retry the others" : ""));
        return ExitCodes.Success;
    }
}
