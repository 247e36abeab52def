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
            Description = "The advisories to announce in one mail (e.g. all those a release fixes)",
            Arity = ArgumentArity.OneOrMore,
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
        var validation = new CommonValidationOptions();

        var command = new Command("announce",
            "Write the security-announce mail for advisories: subject, severity, affected and fixed versions, details, credits, references.")
        {
            ids, folder, eml,
        };
        signing.AddTo(command);
        command.Add(pgpMime);
        command.Add(output);
        command.Add(clock.Option);
        validation.AddTo(command);
        command.SetAction(parse =>
        {
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
