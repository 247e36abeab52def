using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using AdvisoryPipeline.Lint.History;
using AdvisoryPipeline.Publishing;

namespace AdvisoryPipeline.Git;

/// <summary>The output of one git command.</summary>
internal sealed record GitOutput(int ExitCode, byte[] Output, string Error)
{
    public string Text => Encoding.UTF8.GetString(Output).TrimEnd('\n');
}

/// <summary>
/// Runs the git command line in a repository (no libgit2): arguments passed as a list, stdin and stdout as bytes.
/// The environment given at construction is added to every command's (tests isolate git from the machine's
/// configuration with it).
/// </summary>
internal sealed class GitCommand(string repositoryPath, IReadOnlyDictionary<string, string> environment)
{
    public string RepositoryPath { get; } = repositoryPath;

    /// <summary>Runs git; a non-zero exit code is returned, not thrown.</summary>
    /// <exception cref="PublishFailedException">git cannot be started.</exception>
    public async Task<GitOutput> RunAsync(
        IReadOnlyList<string> arguments,
        ReadOnlyMemory<byte> input = default,
        IReadOnlyDictionary<string, string>? extraEnvironment = null,
        string? workingDirectory = null,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory ?? RepositoryPath,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment.Concat(extraEnvironment ?? new Dictionary<string, string>()))
            start.Environment[name] = value;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("git did not start");
        }
        catch (Win32Exception e)
        {
            throw new PublishFailedException($"Cannot run git (is it installed and on PATH?): {e.Message}", e);
        }
        using (process)
        {
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
    }

    /// <summary>Runs git and returns its trimmed output.</summary>
    /// <exception cref="PublishFailedException">git failed; the message names the command and quotes git's error.</exception>
    public async Task<string> RunCheckedAsync(
        IReadOnlyList<string> arguments,
        ReadOnlyMemory<byte> input = default,
        IReadOnlyDictionary<string, string>? extraEnvironment = null,
        string? workingDirectory = null,
        CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(arguments, input, extraEnvironment, workingDirectory, cancellationToken);
        if (result.ExitCode != 0)
            throw new PublishFailedException($"git {string.Join(' ', arguments)} failed in {workingDirectory ?? RepositoryPath}: {result.Error}");
        return result.Text;
    }
}
