using System.CommandLine;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Lifecycle;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary><c>advisory assign-ids [--dir advisories]</c>: gives every placeholder ID its final number.</summary>
public static class AssignIdsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var dir = new Option<string>("--dir") { Description = "The advisory folder", DefaultValueFactory = _ => DatabaseFiles.AdvisoryFolder };
        var command = new Command("assign-ids",
            $"Give placeholder IDs the next number of their year (PREFIX-YYYY-N) and rename their files; run after merging. Records the allocation in {IdAllocatorFile.FileName}.")
        {
            dir,
        };
        command.SetAction(parse => Run(env, AdvisoryDatabase.Open(env, parse.GetValue(dir)!)));
        return command;
    }

    private static int Run(CliEnvironment env, AdvisoryDatabase database)
    {
        var allocatorPath = Path.Combine(database.FullPath, IdAllocatorFile.FileName);
        if (!IdAllocatorFile.TryRead(allocatorPath, database.IdPrefix, out var allocator, out var error))
            throw new UsageException($"{AdvisoryFileDiscovery.Display(allocatorPath, env.WorkingDirectory)}: {error}");

        var folder = AdvisoryFolder.Load(database.FullPath, env.WorkingDirectory);
        var plan = IdAssigner.Plan(folder, database.IdPrefix, allocator, env.Clock.GetUtcNow(), out var problems);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) env.Error.WriteLine("advisory: " + problem);
            env.Error.WriteLine("advisory: no IDs were assigned");
            return ExitCodes.Findings;
        }
        if (plan.IsEmpty)
        {
            env.Out.WriteLine($"no placeholder IDs in {database.DisplayPath}: nothing to assign");
            return ExitCodes.Success;
        }

        IdAssigner.Apply(plan, allocatorPath);
        foreach (var assignment in plan.Assignments)
        {
            var file = plan.Rewrites.First(r => r.Advisory == assignment.Advisory).NewFullPath;
            env.Out.WriteLine($"{assignment.Placeholder} -> {assignment.Assigned} ({AdvisoryFileDiscovery.Display(file, env.WorkingDirectory)})");
        }
        return ExitCodes.Success;
    }
}
