using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace AdvisoryPipeline.Lint.History;

/// <summary>Runs the git command-line tool without a shell and collects its output.</summary>
internal static class Git
{
    public static bool TryRun(string workingDirectory, IReadOnlyList<string> arguments, byte[]? input,
        [NotNullWhen(true)] out byte[]? output, [NotNullWhen(false)] out string? error)
    {
        output = null;
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Messages are parsed by nobody but read by users: keep them in English and free of pager or prompt behaviour.
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
            using var buffer = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(buffer);
            process.WaitForExit();
            writing.Wait();
            var stderr = errors.Result.Trim();
            if (process.ExitCode != 0)
            {
                error = stderr;
                return false;
            }
            output = buffer.ToArray();
            error = null;
            return true;
        }
    }
}
