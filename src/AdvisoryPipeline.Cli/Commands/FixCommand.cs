using System.CommandLine;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Cli.Output;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Editing;
using AdvisoryPipeline.Fixing;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary><c>advisory fix [PATH...] [--check]</c>: makes the mechanical fixes, or with <c>--check</c> lists them.</summary>
public static class FixCommand
{
    public static Command Create(CliEnvironment env)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Advisory files or folders (searched recursively for *.yaml, *.yml and *.json). Default: advisories/",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var check = new Option<bool>("--check")
        {
            Description = "Only list the changes (file:line:col: what) and exit 1 if there are any; write nothing",
        };
        var command = new Command("fix",
            "Make the mechanical fixes (quoting, event and key order, canonical names, purls and URLs), rewriting only what changes.")
        {
            paths,
            check,
        };
        command.SetAction(parse => Run(env, parse.GetValue(paths) is { Length: > 0 } given ? given : [DatabaseFiles.AdvisoryFolder], parse.GetValue(check)));
        return command;
    }

    private static int Run(CliEnvironment env, string[] paths, bool checkOnly)
    {
        var discovered = AdvisoryFileDiscovery.Discover(paths, env.WorkingDirectory);
        if (discovered.Problems.Count > 0) throw new UsageException(string.Join("; ", discovered.Problems));
        // A database with no advisory yet has nothing to fix; a folder that is no database and holds none is a wrong path.
        if (discovered.Files.Count == 0 && discovered.Refused.Count == 0
            && !paths.Any(path => Directory.Exists(Path.GetFullPath(path, env.WorkingDirectory))
                && DatabaseConfigLocator.FindFor(Path.GetFullPath(path, env.WorkingDirectory)) is not null))
            throw new UsageException($"no advisory files ({AdvisoryFileFormats.InWords}) and no {DatabaseFiles.ConfigFile} found in {string.Join(", ", paths)}: advisory init starts a database, advisory new writes an advisory");

        var findings = FindingWriter.Create(FindingFormat.Text, env.Out);
        int changes = 0, changedFiles = 0, skippedFiles = discovered.Refused.Count;
        foreach (var refused in discovered.Refused) findings.Write(refused);
        // Each file is fixed only as far as the result validates as well as the file did, under its own database's rules.
        var databases = new DatabaseContextResolver(new ValidationOptions { Clock = env.Clock });
        foreach (var file in discovered.Files)
        {
            var database = databases.For(file.FullPath);
            var outcome = AdvisoryFixer.Fix(AdvisoryFileLoader.Load(file), document => AdvisoryChecker.FindingsOf(document, database, env.Clock));
            foreach (var problem in outcome.Problems) findings.Write(problem);
            if (outcome.Skipped) skippedFiles++;
            foreach (var fix in outcome.Fixes)
                env.Out.WriteLine($"{file.DisplayPath}:{fix.Line}:{fix.Column}: {FixRuleNames.Of(fix.Rule)}: {fix.Description}");
            if (!outcome.Changed) continue;
            changes += outcome.Fixes.Count;
            changedFiles++;
            if (!checkOnly) AdvisoryFileWriter.Write(file.FullPath, outcome.FixedText, outcome.Original.HasByteOrderMark);
        }

        env.Out.WriteLine(Summary(checkOnly, changes, changedFiles, discovered.Files.Count, skippedFiles));
        return skippedFiles > 0 || (checkOnly && changedFiles > 0) ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static string Summary(bool checkOnly, int changes, int changedFiles, int files, int skippedFiles)
    {
        var skipped = skippedFiles > 0 ? $"; {Count(skippedFiles, "file")} skipped because of errors" : "";
        if (changedFiles == 0) return $"nothing to fix in {Count(files, "file")}{skipped}";
        return checkOnly
            ? $"{Count(changes, "change")} to make in {Count(changedFiles, "file")}{skipped}; run 'advisory fix' to make them"
            : $"{Count(changes, "change")} made in {Count(changedFiles, "file")}{skipped}";
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
