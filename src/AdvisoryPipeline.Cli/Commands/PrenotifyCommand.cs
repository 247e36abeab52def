using System.CommandLine;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.OpenPgp;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering.Mail;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary>
/// <c>advisory prenotify ID... --to LIST</c>: the pre-notification of embargoed advisories to a list of
/// <c>prenotify:</c> (e.g. distros), as signed and encrypted .eml files in <c>--out</c>, ready to send. Nothing else
/// writes or sends it: <c>run</c>, <c>render</c> and <c>publish</c> never see held advisories.
/// </summary>
public static class PrenotifyCommand
{
    public static Command Create(CliEnvironment env)
    {
        var ids = new Argument<string[]>("ID") { Description = "The embargoed advisories to pre-notify, in one mail", Arity = ArgumentArity.OneOrMore };
        var list = new Option<string>("--to") { Description = "The list of prenotify: in database.yaml, e.g. distros", HelpName = "LIST", Required = true };
        var folder = new Option<string>("--dir")
        {
            Description = "The database's advisory folder",
            DefaultValueFactory = _ => DatabaseFiles.AdvisoryFolder,
            HelpName = "DIR",
        };
        var attach = new Option<string[]>("--attach")
        {
            Description = "A fix or patch to attach (inside the encryption). Repeatable",
            HelpName = "FILE",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string>("--out")
        {
            Description = "The folder to write the encrypted .eml files into (one per message)",
            HelpName = "DIR",
            Required = true,
        };
        var signing = new SigningOptions("every message (required)");
        var clock = new ClockOption();
        var validation = new CommonValidationOptions();
        var command = new Command("prenotify",
            "Write the signed, encrypted pre-notification of embargoed advisories to a prenotify: list (distros): embargo terms and public date first, fixes attached.")
        {
            ids, list, folder, attach, output,
        };
        signing.AddTo(command);
        command.Add(clock.Option);
        validation.AddTo(command);
        command.SetAction(parse =>
        {
            var time = clock.Resolve(parse, env);
            var now = time.GetUtcNow();
            if (!signing.IsGiven(parse))
                throw new UsageException("prenotify signs every message: add --sign KEYFILE (the security team's secret key)");
            var run = validation.Run(parse, env with { Clock = time }, [parse.GetValue(folder)!], keepRecords: true);
            var embargoed = EmbargoedAdvisories.From(run.Report, now);
            var config = embargoed.Database.Config;
            var listName = parse.GetValue(list)!;
            if (config.Prenotify?.GetValueOrDefault(listName) is not { } listConfig)
                throw new UsageException(config.Prenotify is { Count: > 0 } lists
                    ? $"--to {listName}: no such list in prenotify: of {DatabaseFiles.ConfigFile}; the lists are: {string.Join(", ", lists.Keys.Order(StringComparer.Ordinal))}"
                    : $"--to {listName}: {DatabaseFiles.ConfigFile} has no prenotify: block; add the list there (advisory init --print shows an example)");

            var advisories = embargoed.Select(parse.GetValue(ids)!);
            Prenotification.CheckEmbargo(advisories, listName, listConfig, now);
            var recipients = Recipients(listName, listConfig, embargoed.Database.ConfigPath ?? Path.Combine(env.WorkingDirectory, DatabaseFiles.ConfigFile));
            var attachments = (parse.GetValue(attach) ?? []).Select(file => ReadAttachment(env, file)).ToList();
            var signer = signing.CreateSigner(parse, env, now)!;

            var messages = Prenotification.Build(advisories, listName, listConfig, recipients, RenderSettings.From(config, embargoed.Database.PolicyKey),
                attachments, signer, now);
            var outFolder = parse.GetValue(output)!;
            Directory.CreateDirectory(Path.GetFullPath(outFolder, env.WorkingDirectory));
            foreach (var message in messages)
            {
                var name = string.Join("+", advisories.Select(a => a.Record.Id)) + "." + listName
                    + (listConfig.Delivery == PrenotifyDelivery.PerRecipient ? "." + FileNamePart(message.Recipients[0].Address) : "") + ".eml";
                var display = Path.Combine(outFolder, name);
                File.WriteAllBytes(Path.GetFullPath(display, env.WorkingDirectory), AnnouncementMessageBuilder.ToBytes(message.Message));
                env.Out.WriteLine($"{display}: to {string.Join(", ", message.Recipients.Select(r => r.Address))}; encrypted to "
                    + string.Join(", ", message.Recipients.Select(r => r.Key.Fingerprint.Display)) + $"; signed by {signer.Key.KeyId}");
            }
            env.Out.WriteLine($"public date: {DisplayTime.Full(advisories.Min(a => a.Until))}; nothing was sent: send the files with your mail client or sendmail");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Every recipient with its key; a recipient without one, or a key that cannot be read, stops the command.</summary>
    private static List<PrenotificationRecipient> Recipients(string listName, PrenotifyListConfig list, string configPath)
    {
        var recipients = new List<PrenotificationRecipient>();
        foreach (var (recipient, index) in list.Recipients.Select((r, i) => (r, i)))
        {
            if (recipient.Key is not { } keyFile)
                throw new UsageException($"prenotify.{listName}.recipients[{index}] ({recipient.Address}) has no OpenPGP key: add key: FILE (its public key, relative to {DatabaseFiles.ConfigFile}); nothing is sent unencrypted");
            recipients.Add(new PrenotificationRecipient(recipient.Address, OpenPgpCertificate.Load(PolicyKeyCheck.PathBesideConfig(configPath, keyFile))));
        }
        if (recipients.Count == 0)
            throw new UsageException($"prenotify.{listName} has no recipients");
        return recipients;
    }

    private static PrenotificationAttachment ReadAttachment(CliEnvironment env, string file)
    {
        var path = Path.GetFullPath(file, env.WorkingDirectory);
        if (!File.Exists(path)) throw new UsageException($"--attach {file}: no such file");
        return new PrenotificationAttachment(Path.GetFileName(path), File.ReadAllBytes(path));
    }

    private static string FileNamePart(string address) =>
        new([.. address.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_')]);
}
