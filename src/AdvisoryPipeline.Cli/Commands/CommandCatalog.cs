using System.CommandLine;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary>Every subcommand of <c>advisory</c>, in the order <c>--help</c> lists them.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> All(CliEnvironment env)
    {
        yield return ValidateCommand.Create(env);
    }
}
