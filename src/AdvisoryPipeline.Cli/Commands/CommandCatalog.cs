using System.CommandLine;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary>Every subcommand of <c>advisory</c>, in the order <c>--help</c> lists them.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> All(CliEnvironment env)
    {
        yield return RunCommand.Create(env);
        yield return InitCommand.Create(env);
        yield return ValidateCommand.Create(env);
        yield return FixCommand.Create(env);
        yield return NewCommand.Create(env);
        yield return AssignIdsCommand.Create(env);
        yield return WithdrawCommand.Create(env);
        yield return RenderCommand.Create(env);
        yield return AnnounceCommand.Create(env);
        yield return PolicyCommand.Create(env);
        yield return PrenotifyCommand.Create(env);
        yield return PublishCommand.Create(env);
        yield return CveCommand.Create(env);
        yield return ImportCommand.Create(env);
    }
}
