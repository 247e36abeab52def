using System.Diagnostics;

namespace AdvisoryPipeline.Tests.Rendering.Html.Browser;

/// <summary>
/// Debian's <c>chromium</c> package, installed on first use if it is missing: once per test run (the
/// outcome, success or failure, is kept), with <c>apt-get update</c> only when a plain install fails
/// (stale package lists). Without root or apt the tests fail with a message saying what to install.
/// </summary>
internal static class ChromiumInstallation
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly Lazy<string> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string EnsureInstalled() => Installed.Value;

    private static string Install()
    {
        if (File.Exists(ExecutablePath)) return ExecutablePath;
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ExecutablePath}; this machine has no apt-get to install it. Install Chromium there.");
        if (!Environment.IsPrivilegedProcess)
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ExecutablePath} and installing it needs root: run 'sudo apt-get install -y chromium'.");

        var log = new List<string>();
        if (!AptGet(log, "install", "-y", "chromium"))
        {
            AptGet(log, "update");
            AptGet(log, "install", "-y", "chromium");
        }
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"Installing Chromium with apt-get failed; {ExecutablePath} is still missing. apt-get said:\n" + string.Join('\n', log.TakeLast(40)));
        return ExecutablePath;
    }

    private static bool AptGet(List<string> log, params string[] arguments)
    {
        var start = new ProcessStartInfo("apt-get")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["DEBIAN_FRONTEND"] = "noninteractive" },
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("apt-get could not be started.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            lock (log) log.Add($"apt-get {string.Join(' ', arguments)} did not finish within 10 minutes.");
            return false;
        }
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
