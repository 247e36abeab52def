using System.Text;

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
    /// <summary>
    /// The process's streams, buffered: a run can print a hundred thousand findings, and the console writer
    /// flushes every write. <see cref="Program"/> flushes them at exit.
    /// </summary>
    public static CliEnvironment FromProcess() => new(
        new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false, NewLine = "\n" },
        new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false), 1 << 12) { AutoFlush = true, NewLine = "\n" },
        Directory.GetCurrentDirectory(),
        Environment.GetEnvironmentVariable,
        TimeProvider.System);
}
