using System.CommandLine;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Editing;
using AdvisoryPipeline.Lifecycle;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary><c>advisory withdraw ID --reason "…" [--dir advisories]</c>: marks an advisory withdrawn, keeping the record.</summary>
public static class WithdrawCommand
{
    public static Command Create(CliEnvironment env)
    {
        var id = new Argument<string>("ID") { Description = "The ID of the advisory to withdraw, e.g. TSSA-2026-4" };
        var reason = new Option<string>("--reason")
        {
            Description = "Why it is withdrawn; appended to details as a paragraph \"**Withdrawn:** reason\"",
            Required = true,
        };
        var dir = new Option<string>("--dir") { Description = "The advisory folder", DefaultValueFactory = _ => DatabaseFiles.AdvisoryFolder };
        var command = new Command("withdraw", "Withdraw an advisory: set withdrawn and modified, say why in details; the record stays published.")
        {
            id, reason, dir,
        };
        command.SetAction(parse => Run(env, AdvisoryDatabase.Open(env, parse.GetValue(dir)!), parse.GetValue(id)!, parse.GetValue(reason)!));
        return command;
    }

    private static int Run(CliEnvironment env, AdvisoryDatabase database, string id, string reasonText)
    {
        if (Withdrawal.CleanReason(reasonText, out var reasonProblem) is not { } reason) throw new UsageException("--reason: " + reasonProblem);

        var matches = AdvisoryFolder.Load(database.FullPath, env.WorkingDirectory).WithId(id);
        if (matches.Count != 1)
        {
            env.Error.WriteLine(matches.Count == 0
                ? $"advisory: no advisory in {database.DisplayPath} has the ID {id}"
                : $"advisory: {id} is the ID of several files: {string.Join(", ", matches.Select(m => m.DisplayPath))}");
            return ExitCodes.Findings;
        }

        var advisory = matches[0];
        var now = env.Clock.GetUtcNow();
        if (Withdrawal.Apply(advisory.Document, reason, now, out var problem) is not { } text)
        {
            env.Error.WriteLine($"advisory: {advisory.DisplayPath}: cannot withdraw {id}: {problem}");
            return ExitCodes.Findings;
        }
        AdvisoryFileWriter.Write(advisory.FullPath, text, advisory.Document.HasByteOrderMark);
        env.Out.WriteLine($"{id} withdrawn ({advisory.DisplayPath})");
        return ExitCodes.Success;
    }
}
