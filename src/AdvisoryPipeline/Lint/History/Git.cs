using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace AdvisoryPipeline.Lint.History;

/// <summary>Runs the git command-line tool without a shell.</summary>
internal static class Git
{
    /// <summary>Runs git and collects its whole output: for commands whose output is small.</summary>
    public static bool TryRun(string workingDirectory, IReadOnlyList<string> arguments,
        [NotNullWhen(true)] out byte[]? output, [NotNullWhen(false)] out string? error)
    {
        byte[]? collected = null;
        var ok = TryRun(workingDirectory, arguments, null, stdout =>
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
    /// its standard output as a stream: large outputs are never held in memory at once.
    /// </summary>
    public static bool TryRun(string workingDirectory, IReadOnlyList<string> arguments, byte[]? input, Action<Stream> readOutput,
        [NotNullWhen(false)] out string? error)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Messages are shown to users as they are: in English, and never waiting for a password prompt.
        start.Environment["LC_ALL"] = "C";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            error = "git cannot be run (" + ex.Message + "); is it installed and on PATH?";
            return false;
        }

        using (process)
        {
            // Feed stdin and drain both outputs concurrently: any one of them blocking on a full pipe would deadlock.
            var writing = Task.Run(() =>
            {
                using var stdin = process.StandardInput.BaseStream;
                if (input is not null) stdin.Write(input);
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
}
