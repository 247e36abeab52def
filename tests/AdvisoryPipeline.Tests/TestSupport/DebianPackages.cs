using System.Collections.Concurrent;

namespace AdvisoryPipeline.Tests.TestSupport;

/// <summary>
/// A Debian package that a test needs, installed with apt-get on first use when its program is missing (once per
/// test run, the outcome kept), with <c>apt-get update</c> only when a plain install fails (stale package lists).
/// Without root or apt the test fails with a message saying what to install.
/// </summary>
public static class DebianPackages
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Installed = new(StringComparer.Ordinal);

    /// <summary>The full path of <paramref name="program"/> (under /usr/bin), installing <paramref name="package"/> if it is missing.</summary>
    public static string EnsureInstalled(string package, string program) =>
        Installed.GetOrAdd(package, _ => new Lazy<string>(() => Install(package, program), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private static string Install(string package, string program)
    {
        var path = Path.Combine("/usr/bin", program);
        if (File.Exists(path)) return path;
        if (!File.Exists("/usr/bin/apt-get"))
            throw new InvalidOperationException($"The test needs {path} (Debian package {package}), and this machine has no apt-get: install it.");
        if (!Environment.IsPrivilegedProcess)
            throw new InvalidOperationException($"The test needs {path}; installing it needs root: run 'sudo apt-get install -y {package}'.");
        var variables = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        var install = ExternalProcess.Run("apt-get", ["install", "-y", "-q", package], "/", variables, TimeSpan.FromMinutes(10));
        if (install.ExitCode != 0)
        {
            ExternalProcess.Run("apt-get", ["update", "-q"], "/", variables, TimeSpan.FromMinutes(10));
            install = ExternalProcess.Run("apt-get", ["install", "-y", "-q", package], "/", variables, TimeSpan.FromMinutes(10));
        }
        return File.Exists(path) ? path : throw new InvalidOperationException($"apt-get install {package} did not give {path}:\n{install}");
    }
}
