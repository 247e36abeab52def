using System.Diagnostics;
using System.Globalization;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Lint;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Benchmarks;

/// <summary>
/// Time and allocation per file of each validation stage (load, schema, read the record, lint), warm, on one
/// thread: tells which stage to work on before reaching for a profiler.
/// </summary>
public static class StageTimings
{
    public static void Run(string folder, int rounds)
    {
        var files = Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "database.yaml").Order(StringComparer.Ordinal)
            .Select(f => (Path: f, Bytes: File.ReadAllBytes(f))).ToArray();
        var schema = OsvSchema.Embedded(null);
        var lint = Linter.Create(DatabaseConfig.Defaults);
        var bare = new Stage("YamlDotNet parser alone");
        var referenceLoad = new Stage("load, YamlDotNet");
        var blockParser = new Stage("block-style parser alone");
        var load = new Stage("load");
        var validate = new Stage("schema");
        var read = new Stage("read record");
        var check = new Stage("lint");
        for (var round = 0; round <= rounds; round++)
        {
            var measured = round > 0;
            foreach (var (path, bytes) in files)
            {
                bare.Time(measured, () => BareParse(bytes));
                referenceLoad.Time(measured, () => AdvisoryYamlLoader.Load(path, bytes, ReferenceParser));
                blockParser.Time(measured, () => Loading.Yaml.BlockYamlParser.TryRead(System.Text.Encoding.UTF8.GetString(bytes), 64));
                var document = load.Time(measured, () => AdvisoryYamlLoader.Load(path, bytes));
                if (document.Record is not { } json) continue;
                validate.Time(measured, () => SchemaFindings.Check(schema, json, document.Map));
                var advisory = read.Time(measured, () => LoadedAdvisory.From(document, out _));
                if (advisory is null) continue;
                check.Time(measured, () => lint.CheckRecord(document, advisory.Record));
            }
        }
        foreach (var stage in new[] { bare, referenceLoad, blockParser, load, validate, read, check })
            Console.WriteLine(stage.Report(files.Length * rounds));
    }

    private static readonly LoadOptions ReferenceParser = new() { Parser = Loading.Yaml.YamlParserChoice.YamlDotNetOnly };

    /// <summary>YamlDotNet's parser alone, events read and dropped: the floor under the loader before the block-style parser.</summary>
    private static int BareParse(byte[] bytes)
    {
        var parser = new YamlDotNet.Core.Parser(new StringReader(System.Text.Encoding.UTF8.GetString(bytes)));
        var events = 0;
        while (parser.MoveNext()) events++;
        return events;
    }

    private sealed class Stage(string name)
    {
        private long _ticks;
        private long _bytes;

        public T Time<T>(bool measured, Func<T> work)
        {
            if (!measured) return work();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            var result = work();
            _ticks += Stopwatch.GetTimestamp() - start;
            _bytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
            return result;
        }

        public string Report(int count) => string.Create(CultureInfo.InvariantCulture,
            $"{name,-26} {Stopwatch.GetElapsedTime(0, _ticks).TotalMicroseconds / count,8:F1} µs/file {_bytes / 1024.0 / count,8:F1} KiB/file");
    }
}
