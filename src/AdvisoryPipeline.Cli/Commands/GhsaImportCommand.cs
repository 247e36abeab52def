using System.CommandLine;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Importing;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Publishing.GitHub;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary><c>advisory import ghsa OWNER/REPO [--state ...]</c>: repository security advisories as YAML advisories.</summary>
public static class GhsaImportCommand
{
    private static readonly string[] KnownStates = ["triage", "draft", "published", "closed", "withdrawn"];

    public static Command Create(CliEnvironment env)
    {
        var repository = new Argument<string>("OWNER/REPO") { Description = "The GitHub repository whose security advisories to import" };
        var states = new Option<string>("--state")
        {
            Description = "The states to import, comma-separated",
            DefaultValueFactory = _ => string.Join(",", GhsaImporter.DefaultStates),
            HelpName = "STATES",
        };
        var tokenVariable = new Option<string>("--token-env")
        {
            Description = "The environment variable that holds the GitHub token",
            DefaultValueFactory = _ => GitHubTargetOptions.DefaultTokenVariable,
            HelpName = "NAME",
        };
        var folder = ImportCommand.FolderOption();
        var command = new Command("ghsa", "Write an advisory (placeholder ID, the GHSA as alias) from each repository security advisory; drafts and triage get an embargo; a re-import takes only GitHub's changes to fields not edited in the YAML.")
        {
            repository, states, tokenVariable, folder,
        };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(repository)!;
            var parts = name.Split('/');
            if (parts.Length != 2 || parts.Any(part => part.Length == 0))
                throw new UsageException($"{name}: write the repository as OWNER/REPO, e.g. tessera-project/tessera");
            var wanted = parse.GetValue(states)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (wanted.Length == 0 || wanted.Any(state => !KnownStates.Contains(state)))
                throw new UsageException($"--state {parse.GetValue(states)}: write states among {string.Join(", ", KnownStates)}");
            var database = AdvisoryDatabase.Open(env, parse.GetValue(folder)!);
            var options = GitHubTargetOptions.FromEnvironment(env.GetVariable, parse.GetValue(tokenVariable)!,
                "import ghsa needs a token that may read the repository's security advisories");
            var target = new GhsaImportTarget(database.FullPath, env.WorkingDirectory,
                slug => NewCommand.UniquePlaceholder(database, AdvisoryFolder.Load(database.FullPath, env.WorkingDirectory), slug),
                NewCommand.SchemaReference(database.FullPath));
            foreach (var line in GhsaImporter.ImportAsync(options, parts[0], parts[1], wanted, target, env.Clock.GetUtcNow()).GetAwaiter().GetResult())
                env.Out.WriteLine(line);
            return ExitCodes.Success;
        });
        return command;
    }
}
