using System.CommandLine;
using AdvisoryPipeline.Cli.Output;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Rendering;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary><c>advisory render</c>: the HTML site with its feed, Markdown pages and mail texts of the publishable advisories.</summary>
public static class RenderCommand
{
    public const string DefaultOut = "out";

    public static Command Create(CliEnvironment env)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Advisory files or folders of one database. Default: advisories/",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string>("--out")
        {
            Description = "Folder to write site/, markdown/ and mail/ into",
            DefaultValueFactory = _ => DefaultOut,
            HelpName = "DIR",
        };
        var preview = new Option<bool>("--preview")
        {
            Description = "Include advisories with placeholder IDs (pull-request previews); embargoed ones are never rendered",
        };
        var clock = new ClockOption();
        var signing = new SigningOptions("the site's .well-known/security.txt");
        var validation = new CommonValidationOptions();
        var exclude = new ExcludeInvalidOption();
        var command = new Command("render",
            "Render the publishable advisories: DIR/site/ (HTML pages, search index, Atom feed, OSV JSON), DIR/markdown/ and DIR/mail/ (one announcement per advisory). A folder whose content is unchanged is left untouched.")
        {
            paths, output, preview, clock.Option, exclude.Option,
        };
        signing.AddTo(command);
        validation.AddTo(command);
        command.SetAction(parse =>
        {
            var now = clock.Resolve(parse, env);
            var database = validation.LoadDatabase(parse, env, parse.GetValue(paths) ?? [], now, parse.GetValue(preview), exclude.IsGiven(parse));
            foreach (var held in database.Held) env.Out.WriteLine(held);
            var rendered = DatabaseRenderer.Render(database, now.GetUtcNow(), securityTxtSigner: signing.CreateSigner(parse, env, now.GetUtcNow()));
            if (!rendered.Succeeded)
                throw new FindingsException("the site cannot be rendered: nothing was written", rendered.Findings);
            WriteFindings(env, rendered);
            var folder = parse.GetValue(output)!;
            foreach (var line in DatabaseRenderer.Write(rendered, Path.GetFullPath(folder, env.WorkingDirectory), folder))
                env.Out.WriteLine(line);
            return ExcludeInvalidOption.Report(env, database);
        });
        return command;
    }

    /// <summary>The render's warnings (aliases claimed twice, aliases that cannot name a page), on the error stream.</summary>
    public static void WriteFindings(CliEnvironment env, RenderedDatabase rendered)
    {
        var writer = new TextFindingWriter(env.Error);
        foreach (var finding in rendered.Findings) writer.Write(finding);
    }
}
