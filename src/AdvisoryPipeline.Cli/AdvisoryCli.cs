using System.CommandLine;
using AdvisoryPipeline.Cli.Commands;
using AdvisoryPipeline.Cli.Output;
using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Cli;

/// <summary>
/// The <c>advisory</c> command line: builds the command tree, runs the chosen command and maps every
/// failure to a one-line message and an exit code (never a stack trace).
/// </summary>
public static class AdvisoryCli
{
    public const string Description =
        """
        Validate, render and publish OSV vulnerability advisories authored as YAML.

        Exit codes: 0 success, 1 findings at error level (or changes wanted by a --check),
        2 usage or configuration error, 3 failure of the tool or of a remote service,
        4 done, with advisories left out for their errors (--exclude-invalid).
        """;

    public static int Run(string[] args, CliEnvironment env)
    {
        // Whatever any part of the tool prints, no secret it has read reaches the console.
        using var secrets = Secrets.BeginScope();
        var output = new RedactingWriter(env.Out);
        var error = new RedactingWriter(env.Error);
        try
        {
            return Invoke(args, env with { Out = output, Error = error });
        }
        finally
        {
            output.Flush();
            error.Flush();
        }
    }

    private static int Invoke(string[] args, CliEnvironment env)
    {
        var root = BuildRoot(env);
        var parse = root.Parse(args);
        var errors = ParseErrorMessages.Of(parse);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
                env.Error.WriteLine("advisory: " + error);
            env.Error.WriteLine("Run 'advisory --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = env.Out,
                Error = env.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e)
        {
            return ExitCodes.Report(e, env);
        }
    }

    public static RootCommand BuildRoot(CliEnvironment env)
    {
        var root = new RootCommand(Description);
        foreach (var command in CommandCatalog.All(env))
            root.Add(command);
        return root;
    }
}
