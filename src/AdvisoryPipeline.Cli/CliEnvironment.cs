namespace AdvisoryPipeline.Cli;

/// <summary>
/// What a command may touch of the outside world. Tests run the CLI in-process with their own writers,
/// folder, environment and clock; <see cref="FromProcess"/> is the real one.
/// </summary>
public sealed record CliEnvironment(
    TextWriter Out,
    TextWriter Error,
    string WorkingDirectory,
    Func<string, string?> GetVariable,
    TimeProvider Clock)
{
    public static CliEnvironment FromProcess() => new(
        Console.Out,
        Console.Error,
        Directory.GetCurrentDirectory(),
        Environment.GetEnvironmentVariable,
        TimeProvider.System);
}
