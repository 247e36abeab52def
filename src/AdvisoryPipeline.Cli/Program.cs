using AdvisoryPipeline.Cli;

var env = CliEnvironment.FromProcess();
try
{
    return AdvisoryCli.Run(args, env);
}
finally
{
    env.Out.Flush();
    env.Error.Flush();
}
