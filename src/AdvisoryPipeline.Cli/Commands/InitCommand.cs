using System.CommandLine;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary>
/// <c>advisory init</c>: a new database's commented <c>database.yaml</c> (<see cref="DatabaseConfigTemplate"/>), with the
/// policy, pre-notification and chat blocks as examples to uncomment. It never replaces an existing file; <c>--print</c>
/// shows the example instead, to copy blocks from.
/// </summary>
public static class InitCommand
{
    public static Command Create(CliEnvironment env)
    {
        var folder = new Option<string>("--dir")
        {
            Description = "The advisory folder to create database.yaml in",
            DefaultValueFactory = _ => DatabaseFiles.AdvisoryFolder,
            HelpName = "DIR",
        };
        var prefix = new Option<string?>("--id-prefix") { Description = "The prefix of the database's advisory IDs, e.g. TSSA", HelpName = "PREFIX" };
        var name = new Option<string>("--name")
        {
            Description = "The database's name, shown on pages, feeds and mails",
            DefaultValueFactory = _ => "Security Advisories",
            HelpName = "NAME",
        };
        var print = new Option<bool>("--print") { Description = "Print the commented example instead of writing it" };
        var command = new Command("init", "Write a commented database.yaml for a new database: required keys set, policy, prenotify and chat blocks as examples.")
        {
            folder, prefix, name, print,
        };
        command.SetAction(parse =>
        {
            var idPrefix = parse.GetValue(prefix) ?? (parse.GetValue(print) ? "EXAMPLE" : throw new UsageException("--id-prefix is required: e.g. advisory init --id-prefix TSSA"));
            if (idPrefix.Length == 0 || !idPrefix.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                throw new UsageException($"--id-prefix {idPrefix}: use letters, digits and dashes only, e.g. TSSA");
            var text = DatabaseConfigTemplate.Text(parse.GetValue(name)!, idPrefix);
            if (parse.GetValue(print))
            {
                env.Out.Write(text);
                return ExitCodes.Success;
            }
            var display = Path.Combine(parse.GetValue(folder)!, DatabaseFiles.ConfigFile);
            var path = Path.GetFullPath(display, env.WorkingDirectory);
            if (File.Exists(path))
                throw new UsageException($"{display} exists and is never replaced; advisory init --print shows the commented example to copy blocks from");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                file.Write(System.Text.Encoding.UTF8.GetBytes(text));
            env.Out.WriteLine($"{display}: written");
            return ExitCodes.Success;
        });
        return command;
    }
}
