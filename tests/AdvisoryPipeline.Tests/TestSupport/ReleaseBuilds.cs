using System.Diagnostics;

namespace AdvisoryPipeline.Tests.TestSupport;

/// <summary>
/// Builds of the tool in its shipped forms (the Native AOT binary, the .NET tool package) for the tests that run them.
/// They write the Release build of the same projects, so they take turns (<see cref="Gate"/>); each is made once per
/// test run: the native binary here, the tool package by the action itself in <c>Workflows.ToolPackageFixture</c>
/// (its <c>from-source</c> step runs <c>dotnet pack</c>, which is what that fixture exercises).
/// </summary>
public static class ReleaseBuilds
{
    /// <summary>Held while a test builds the tool in Release: two such builds at once would write the same obj/ files.</summary>
    public static readonly SemaphoreSlim Gate = new(1, 1);

    private static readonly Lazy<string> Native = new(PublishNative, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The Native AOT binary: the one <c>ADVISORY_NATIVE_BINARY</c> names, else published by <c>scripts/publish-native.sh</c>
    /// into <c>.tools/advisory-native</c> (about a minute the first time, seconds when nothing changed; the script
    /// installs Debian's clang and zlib1g-dev when they are missing).
    /// </summary>
    public static string NativeBinary => Native.Value;

    private static string PublishNative()
    {
        if (Environment.GetEnvironmentVariable("ADVISORY_NATIVE_BINARY") is { Length: > 0 } given)
            return File.Exists(given) ? given : throw new InvalidOperationException($"ADVISORY_NATIVE_BINARY names {given}, which does not exist");
        var script = Path.Combine(SharedData.RepositoryRoot, "scripts", "publish-native.sh");
        var output = Path.Combine(SharedData.RepositoryRoot, ".tools", "advisory-native");
        Gate.Wait();
        try
        {
            var start = new ProcessStartInfo("bash", [script, output])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = SharedData.RepositoryRoot,
            };
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"scripts/publish-native.sh failed ({process.ExitCode}):\n{stderr.Result}\n{stdout}");
            return stdout.TrimEnd().Split('\n')[^1];
        }
        finally
        {
            Gate.Release();
        }
    }
}
