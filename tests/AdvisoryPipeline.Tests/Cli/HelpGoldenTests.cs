using System.CommandLine;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Cli;

/// <summary>
/// Pins the help text users read: <c>advisory --help</c> and <c>advisory COMMAND --help</c> of every subcommand,
/// with their exit codes, as golden files in Cli/Golden/.
/// </summary>
public sealed class HelpGoldenTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_help_of_the_tool_and_of_every_command_is_pinned()
    {
        var cli = new CliRunner(_temp.Path);
        string[][] commands =
        [
            ["--help"],
            ["run", "--help"],
            ["validate", "--help"],
            ["fix", "--help"],
            ["new", "--help"],
            ["assign-ids", "--help"],
            ["withdraw", "--help"],
            ["render", "--help"],
            ["announce", "--help"],
            ["publish", "--help"],
            ["init", "--help"],
            ["policy", "--help"],
            ["prenotify", "--help"],
            ["cve", "--help"],
            ["cve", "reserve", "--help"],
            ["cve", "publish", "--help"],
            ["cve", "reject", "--help"],
            ["import", "--help"],
            ["import", "cve", "--help"],
            ["import", "ghsa", "--help"],
        ];

        foreach (var args in commands)
        {
            var name = args.Length == 1 ? "advisory" : string.Join("-", args[..^1]);
            var result = cli.Run(args);
            // In-process, System.CommandLine names the tool after the host process (testhost under dotnet test, another
            // name in an IDE's runner); the installed tool is named after its assembly, advisory, which is what users read.
            result = result with { Out = result.Out.Replace($"\n  {RootCommand.ExecutableName} ", "\n  advisory ", StringComparison.Ordinal) };
            GoldenFile.Verify($"Cli/Golden/help-{name}.txt", GoldenFile.Transcript(result, args));
        }
    }
}
