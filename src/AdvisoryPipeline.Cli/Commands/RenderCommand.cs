using System.CommandLine;
using AdvisoryPipeline.Cli.Output;
using AdvisoryPipeline.Osv;
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
        var validation = new CommonValidationOptions();
        var command = new Command("render",
            "Render the publishable advisories: DIR/site/ (HTML pages, search index, Atom feed, OSV JSON), DIR/markdown/ and DIR/mail/ (one announcement per advisory). A folder whose content is unchanged is left untouched.")
        {
            paths, output, preview, clock.Option,
        };
        validation.AddTo(command);
        command.SetAction(parse =>
        {
            var now = clock.Resolve(parse, env);
            var input = PublishableInput.Load(validation, parse, env, parse.GetValue(paths) ?? [], now, parse.GetValue(preview), env.Error);
            foreach (var held in input.Set.Held) env.Out.WriteLine(held);
            Render(env, input, input.Set.Publishable, parse.GetValue(output)!, now.GetUtcNow());
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Renders <paramref name="records"/> and writes them, or reports why not (exit 1).</summary>
    public static void Render(CliEnvironment env, PublishableInput input, IReadOnlyList<Osv.OsvRecord> records, string output, DateTimeOffset now)
    {
        var rendered = DatabaseRenderer.Render(records, input.Config, now);
        // Site findings name the advisory ID; people look for the file.
        var writer = new TextFindingWriter(env.Error);
        foreach (var finding in rendered.Findings)
            writer.Write(finding with { Location = finding.Location with { File = input.SourceOf(finding.Location.File) ?? finding.Location.File } });
        if (!rendered.Succeeded)
            throw new FindingsException("the site cannot be rendered: nothing was written");
        foreach (var line in DatabaseRenderer.Write(rendered, Path.GetFullPath(output, env.WorkingDirectory), output))
            env.Out.WriteLine(line);
    }
}
