using System.ComponentModel;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Git;

/// <summary>The output of one git command.</summary>
public sealed record GitOutput(int ExitCode, byte[] Output, string Error)
{
    public string Text => Encoding.UTF8.GetString(Output).TrimEnd('\n');
}

/// <summary>git could not be run, or a command that had to succeed failed; the message names the command and quotes git.</summary>
public sealed class GitException(string message, Exception? innerException = null) : OperationFailedException(message, innerException);

/// <summary>
/// Runs the git command line (no libgit2, no shell): arguments as a list, standard input and output as bytes.
/// Every command runs with <c>LC_ALL=C</c>, so that the messages users see are git's English ones, and with
/// <c>GIT_TERMINAL_PROMPT=0</c>, so that it fails instead of waiting for a password nobody will type. The
/// environment given at construction is added after those (tests isolate git from the machine's configuration).
/// </summary>
public sealed class GitRunner(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
{
    private static readonly IReadOnlyDictionary<string, string> Fixed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["LC_ALL"] = "C",
        ["GIT_TERMINAL_PROMPT"] = "0",
    };

    /// <summary>The folder commands run in unless told otherwise (a repository or a folder inside one).</summary>
    public string WorkingDirectory { get; } = workingDirectory;

    /// <summary>Runs git and collects its output; a non-zero exit code is returned, not thrown.</summary>
    /// <exception cref="GitException">git cannot be started.</exception>
    public async Task<GitOutput> RunAsync(
        IReadOnlyList<string> arguments,
        ReadOnlyMemory<byte> input = default,
        IReadOnlyDictionary<string, string>? extraEnvironment = null,
        string? workingDirectory = null,
        CancellationToken cancellationToken = default)
    {
        using var process = Start(arguments, extraEnvironment, workingDirectory);
        var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(input, cancellationToken);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // git exited without reading all of its input; its exit code and message say why.
        }
        await reading;
        var errorText = await error;
        await process.WaitForExitAsync(cancellationToken);
        return new GitOutput(process.ExitCode, output.ToArray(), errorText.Trim());
    }

    /// <summary>Runs git and returns its trimmed output.</summary>
    /// <exception cref="GitException">git failed; the message names the command and quotes git's error.</exception>
    public async Task<string> RunCheckedAsync(
        IReadOnlyList<string> arguments,
        ReadOnlyMemory<byte> input = default,
        IReadOnlyDictionary<string, string>? extraEnvironment = null,
        string? workingDirectory = null,
        CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(arguments, input, extraEnvironment, workingDirectory, cancellationToken);
        if (result.ExitCode != 0)
            throw new GitException($"git {string.Join(' ', arguments)} failed in {workingDirectory ?? WorkingDirectory}: {result.Error}");
        return result.Text;
    }

    /// <summary>Runs git and collects its whole output: for commands whose output is small.</summary>
    public bool TryRun(IReadOnlyList<string> arguments, [NotNullWhen(true)] out byte[]? output, [NotNullWhen(false)] out string? error)
    {
        byte[]? collected = null;
        var ok = TryRun(arguments, null, stdout =>
        {
            using var buffer = new MemoryStream();
            stdout.CopyTo(buffer);
            collected = buffer.ToArray();
        }, out error);
        output = collected ?? [];
        return ok;
    }

    /// <summary>
    /// Runs git, writing <paramref name="input"/> to its standard input while <paramref name="readOutput"/> consumes
    /// its standard output as a stream: large outputs are never held in memory at once. False with git's message
    /// (or why git could not start) when it fails.
    /// </summary>
    public bool TryRun(IReadOnlyList<string> arguments, byte[]? input, Action<Stream> readOutput, [NotNullWhen(false)] out string? error)
    {
        Process process;
        try
        {
            process = Start(arguments, null, null);
        }
        catch (GitException e)
        {
            error = e.Message;
            return false;
        }
        using (process)
        {
            // Feed stdin and drain both outputs concurrently: any one of them blocking on a full pipe would deadlock.
            var writing = Task.Run(() =>
            {
                using var stdin = process.StandardInput.BaseStream;
                try
                {
                    if (input is not null) stdin.Write(input);
                }
                catch (IOException)
                {
                    // git stopped reading; its exit code and message say why.
                }
            });
            var errors = process.StandardError.ReadToEndAsync();
            using (var stdout = new BufferedStream(process.StandardOutput.BaseStream, 1 << 16))
            {
                readOutput(stdout);
                // Whatever the reader left (it stops early on malformed output) must still be drained.
                stdout.CopyTo(Stream.Null);
            }
            process.WaitForExit();
            writing.Wait();
            error = process.ExitCode == 0 ? null : errors.Result.Trim();
            return process.ExitCode == 0;
        }
    }

    private Process Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? extraEnvironment, string? workingDirectory)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory ?? WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in Fixed.Concat(environment ?? Fixed).Concat(extraEnvironment ?? Fixed))
            start.Environment[name] = value;
        try
        {
            return Process.Start(start) ?? throw new Win32Exception("git did not start");
        }
        catch (Win32Exception e)
        {
            throw new GitException($"git cannot be run (is it installed and on PATH?): {e.Message}", e);
        }
    }
}
