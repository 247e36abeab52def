using System.Diagnostics;
using System.Globalization;
using System.Text;
using YamlDotNet.Core;

namespace AdvisoryPipeline.Benchmarks;

/// <summary>
/// The floor under <c>advisory validate</c>: YamlDotNet's parser alone over every file of a folder, events
/// read and dropped, in parallel on every core, in a process of its own. Whatever validation costs beyond
/// this is ours; below it nothing that parses with YamlDotNet can go.
/// </summary>
public static class BareParse
{
    public static void Run(string folder, int rounds)
    {
        var clock = Stopwatch.StartNew();
        var paths = Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories);
        for (var round = 0; round < rounds; round++)
        {
            var started = clock.Elapsed;
            long events = 0;
            Parallel.ForEach(paths, () => 0L, (path, _, count) => count + Parse(File.ReadAllBytes(path)),
                count => Interlocked.Add(ref events, count));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round + 1}: {paths.Length} files, {events} events, {(clock.Elapsed - started).TotalMilliseconds:F0} ms"));
        }
    }

    private static long Parse(byte[] bytes)
    {
        var parser = new Parser(new StringReader(Encoding.UTF8.GetString(bytes)));
        var events = 0L;
        while (parser.MoveNext()) events++;
        return events;
    }
}
