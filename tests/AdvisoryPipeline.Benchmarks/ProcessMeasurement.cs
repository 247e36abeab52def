using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace AdvisoryPipeline.Benchmarks;

/// <summary>Wall time, CPU time (user and system, all threads) and peak resident memory of one run of a whole process.</summary>
public readonly record struct ProcessRun(TimeSpan Wall, long PeakRssKiB, int ExitCode, TimeSpan Cpu);

/// <summary>
/// Measures whole-process runs, the figure a user waits for: start-up, JIT, I/O and work together.
/// Peak memory comes from getrusage(RUSAGE_CHILDREN), which is exact only for a process with one child,
/// so every measured run happens inside a fresh copy of this program (<see cref="MeasureOnceInChild"/>).
/// </summary>
public static partial class ProcessMeasurement
{
    public const string MeasureOnceVerb = "measure-once";

    public static ProcessRun Measure(string command, IReadOnlyList<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("unknown own path");
        var start = new ProcessStartInfo(self)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        start.ArgumentList.Add(MeasureOnceVerb);
        start.ArgumentList.Add(command);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var line = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        var parts = line.Split(' ');
        return new ProcessRun(
            TimeSpan.FromTicks(long.Parse(parts[0], CultureInfo.InvariantCulture)),
            long.Parse(parts[1], CultureInfo.InvariantCulture),
            int.Parse(parts[2], CultureInfo.InvariantCulture),
            TimeSpan.FromMicroseconds(long.Parse(parts[3], CultureInfo.InvariantCulture)));
    }

    /// <summary>Runs the command once, its output discarded, and prints "ticks peakKiB exitCode cpuMicroseconds".</summary>
    public static int MeasureOnceInChild(string command, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        // Drain both pipes so a chatty run cannot block on a full pipe and distort the time.
        var stdout = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var stderr = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        process.WaitForExit();
        Task.WaitAll(stdout, stderr);
        clock.Stop();
        if (GetRUsage(RusageChildren, out var usage) != 0)
            throw new InvalidOperationException("getrusage failed");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{clock.Elapsed.Ticks} {usage.MaxRss} {process.ExitCode} {(usage.UserSeconds + usage.SystemSeconds) * 1_000_000 + usage.UserMicroseconds + usage.SystemMicroseconds}"));
        return 0;
    }

    private const int RusageChildren = -1;

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxRss; // KiB on Linux
        public long IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NvCsw, NivCsw;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRUsage(int who, out RUsage usage);
}
