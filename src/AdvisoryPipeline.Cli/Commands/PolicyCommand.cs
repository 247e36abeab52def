using System.CommandLine;
using System.Text;
using AdvisoryPipeline.Cli.Output;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering.Markdown;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary>
/// <c>advisory policy</c>: the repository's <c>SECURITY.md</c> from the <c>policy:</c> block of <c>database.yaml</c>,
/// printed, written (<c>--write</c>, to the repository root or <c>.github/</c>) or compared (<c>--check</c>, for CI:
/// a hand-edited or stale file is what makes two pages of one project disagree).
/// </summary>
public static class PolicyCommand
{
    private static readonly UTF8Encoding Utf8 = new(false);

    public static Command Create(CliEnvironment env)
    {
        var folder = new Option<string>("--dir")
        {
            Description = "The database's advisory folder (its database.yaml holds the policy)",
            DefaultValueFactory = _ => DatabaseFiles.AdvisoryFolder,
            HelpName = "DIR",
        };
        var write = new Option<bool>("--write") { Description = "Write SECURITY.md into the repository instead of printing it" };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when SECURITY.md in the repository differs from the policy" };
        var to = new Option<string>("--to")
        {
            Description = "Where SECURITY.md goes: root (the working folder) or .github",
            DefaultValueFactory = _ => "root",
            HelpName = "root|.github",
        };
        to.AcceptOnlyFromAmong("root", ".github");
        var clock = new ClockOption();

        var command = new Command("policy",
            "Write SECURITY.md from the policy: block of database.yaml (contacts, OpenPGP key fingerprint, report template, handling, disclosure, safe harbour, bounty).")
        {
            folder, write, check, to, clock.Option,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(write) && parse.GetValue(check))
                throw new UsageException("--write and --check exclude each other: --check compares, --write replaces");
            var now = clock.Resolve(parse, env).GetUtcNow();
            var text = Render(env, parse.GetValue(folder)!, now);
            var relative = parse.GetValue(to) == ".github" ? ".github/" + SecurityPolicyMarkdown.FileName : SecurityPolicyMarkdown.FileName;
            var path = Path.GetFullPath(relative, env.WorkingDirectory);

            if (parse.GetValue(check))
            {
                var current = File.Exists(path) ? File.ReadAllText(path) : null;
                if (current == text)
                {
                    env.Out.WriteLine($"{relative}: up to date");
                    return ExitCodes.Success;
                }
                env.Out.WriteLine(current is null
                    ? $"{relative}: missing; write it with: advisory policy --write" + (relative.StartsWith('.') ? " --to .github" : "")
                    : $"{relative}: differs from the policy in database.yaml; edit the policy there and run: advisory policy --write" + (relative.StartsWith('.') ? " --to .github" : ""));
                return ExitCodes.Findings;
            }
            if (!parse.GetValue(write))
            {
                env.Out.Write(text);
                return ExitCodes.Success;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var unchanged = File.Exists(path) && File.ReadAllText(path) == text;
            if (!unchanged) File.WriteAllBytes(path, Utf8.GetBytes(text));
            env.Out.WriteLine(unchanged ? $"{relative}: unchanged" : $"{relative}: written");
            // GitHub shows .github/SECURITY.md before the root one: two copies would show the other.
            var other = relative.StartsWith('.') ? SecurityPolicyMarkdown.FileName : ".github/" + SecurityPolicyMarkdown.FileName;
            if (File.Exists(Path.GetFullPath(other, env.WorkingDirectory)))
                env.Error.WriteLine($"advisory: warning: {other} exists too; GitHub shows .github/{SecurityPolicyMarkdown.FileName} first: remove one of them");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>SECURITY.md of the database in <paramref name="folder"/>, its key checked at <paramref name="now"/>.</summary>
    private static string Render(CliEnvironment env, string folder, DateTimeOffset now)
    {
        var fullPath = Path.GetFullPath(folder, env.WorkingDirectory);
        if (!Directory.Exists(fullPath)) throw new UsageException($"{folder}: no such folder");
        var loaded = DatabaseConfigLoader.LoadFor(Path.Combine(fullPath, DatabaseFiles.ConfigFile));
        if (loaded.Path is not { } configPath)
            throw new UsageException($"no {DatabaseFiles.ConfigFile} found for {folder}: the policy lives in its policy: block (advisory init writes an example)");
        if (loaded.Config is not { } config)
            throw new UsageException($"{configPath} is not a valid database configuration", loaded.Findings.Where(f => f.IsError).ToList());
        if (config.Policy is null)
            throw new UsageException($"{configPath} has no policy: block; add one (advisory init --print shows a commented example)");
        var key = PolicyKeyCheck.Check(config, configPath, loaded.Map, now);
        if (key.Findings.Any(f => f.IsError))
            throw new FindingsException("the policy's key cannot be published: nothing was written", key.Findings);
        var warnings = new TextFindingWriter(env.Error);
        foreach (var warning in key.Findings) warnings.Write(warning);
        return SecurityPolicyMarkdown.Render(RenderSettings.From(config, key.Key));
    }
}
