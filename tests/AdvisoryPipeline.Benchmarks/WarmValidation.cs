using System.Diagnostics;
using System.Globalization;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Benchmarks;

/// <summary>
/// Whole validation runs (every stage, every core, no cache, no output) repeated in one process: the first
/// round shows the cost of a cold start inside the process, the later ones the steady state.
/// </summary>
public static class WarmValidation
{
    public static void Run(string folder, int rounds)
    {
        var discovered = AdvisoryFileDiscovery.Discover([folder], Directory.GetCurrentDirectory());
        var options = new ValidationOptions();
        for (var round = 1; round <= rounds; round++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var collections = GC.CollectionCount(0);
            var clock = Stopwatch.StartNew();
            var report = DatabaseValidator.Validate(discovered.Files, options);
            clock.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {report.Advisories.Count} files, {clock.Elapsed.TotalMilliseconds,6:F0} ms wall, {cpu.TotalMilliseconds,6:F0} ms CPU, {GC.CollectionCount(0) - collections} gen0 GCs"));
        }
    }
}
