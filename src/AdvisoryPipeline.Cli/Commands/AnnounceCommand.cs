using System.CommandLine;
using System.Text;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering;
using AdvisoryPipeline.Rendering.Mail;
using AdvisoryPipeline.Rendering.Mail.Signing;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary>
/// <c>advisory announce ID...</c>: the mailing-list announcement of one advisory or of several fixed together, as
/// text or as a ready-to-send RFC 5322 message, optionally OpenPGP-signed (clearsigned or PGP/MIME).
/// </summary>
public static class AnnounceCommand
{
    public static Command Create(CliEnvironment env)
    {
        var ids = new Argument<string[]>("ID")
        {
            Description = "The advisories to announce in one mail (e.g. all those a release fixes); with --chat, those to post (default: all)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var folder = new Option<string>("--dir")
        {
            Description = "The database's advisory folder",
            DefaultValueFactory = _ => DatabaseFiles.AdvisoryFolder,
            HelpName = "DIR",
        };
        var eml = new Option<bool>("--eml") { Description = "Write a complete email message (RFC 5322) instead of the text" };
        var signing = new SigningOptions("the mail");
        var pgpMime = new Option<bool>("--pgp-mime") { Description = "Sign as PGP/MIME (RFC 3156) instead of a clearsigned body; needs --eml" };
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output", HelpName = "FILE" };
        var clock = new ClockOption();
        var chat = new ChatAnnounceOptions();
        var validation = new CommonValidationOptions();

        var command = new Command("announce",
            "Write the security-announce mail for advisories: subject, severity, affected and fixed versions, details, credits, references. With --chat, post published advisories to Slack, Discord and Matrix.")
        {
            ids, folder, eml,
        };
        signing.AddTo(command);
        command.Add(pgpMime);
        command.Add(output);
        command.Add(clock.Option);
        chat.AddTo(command);
        validation.AddTo(command);
        command.SetAction(parse =>
        {
            if (parse.GetValue(chat.Chat))
            {
                if (parse.GetValue(eml) || signing.IsGiven(parse) || parse.GetValue(output) is not null)
                    throw new UsageException("--chat posts to chat channels: --eml, --sign and --out are for the mail");
                var chatClock = clock.Resolve(parse, env);
                var chatDatabase = validation.LoadDatabase(parse, env, [parse.GetValue(folder)!], chatClock, preview: false);
                return chat.Run(parse, env, chatDatabase, parse.GetValue(ids) ?? [], parse.GetValue(folder)!, chatClock.GetUtcNow());
            }
            if (chat.Misplaced(parse) is { } misplaced)
                throw new UsageException($"{misplaced} is for chat posts: add --chat");
            if (parse.GetValue(ids) is not { Length: > 0 })
                throw new UsageException("name the advisories to announce, e.g. advisory announce TSSA-2026-1 (or post to chat with --chat)");

            if (parse.GetValue(pgpMime) && !parse.GetValue(eml))
                throw new UsageException("--pgp-mime signs a MIME message: add --eml");
            if (parse.GetValue(pgpMime) && !signing.IsGiven(parse))
                throw new UsageException("--pgp-mime needs a key: add --sign KEYFILE");

            var time = clock.Resolve(parse, env);
            var now = time.GetUtcNow();
            var database = validation.LoadDatabase(parse, env, [parse.GetValue(folder)!], time, preview: false);
            var records = database.Select(parse.GetValue(ids)!);
            var settings = RenderSettings.From(database.Config);
            var announcement = AnnouncementTextRenderer.Render([.. records.Select(advisory => AdvisoryView.From(advisory.Record))], settings);
            var signer = signing.CreateSigner(parse, env, now);

            var bytes = parse.GetValue(eml)
                ? AnnouncementMessageBuilder.ToBytes(signer is null
                    ? AnnouncementMessageBuilder.Build(announcement, settings.Mail, now)
                    : AnnouncementMessageBuilder.Build(announcement, settings.Mail, now, signer,
                        parse.GetValue(pgpMime) ? SignatureStyle.PgpMime : SignatureStyle.Inline))
                : Encoding.UTF8.GetBytes(DatabaseRenderer.MailText(signer is null
                    ? announcement
                    : announcement with { Body = signer.Clearsign(announcement.Body, now) }));

            if (parse.GetValue(output) is { } file)
                File.WriteAllBytes(Path.GetFullPath(file, env.WorkingDirectory), bytes);
            else
                env.Out.Write(Encoding.UTF8.GetString(bytes));
            return ExitCodes.Success;
        });
        return command;
    }
}
