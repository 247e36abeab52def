using AdvisoryPipeline.Cli;

return AdvisoryCli.Run(args, CliEnvironment.FromProcess());
