using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Tests.TestSupport;

/// <summary>The shared PyPA corpus, loaded from YAML by the product's loader, as publishing receives it.</summary>
internal static class AuthoredDatabases
{
    /// <summary>The advisories of the shared pypa corpus, split into those the OSV schema accepts as authored and the others.</summary>
    public static (IReadOnlyList<PublishableAdvisory> Valid, int Invalid) Pypa() =>
        Load(SharedData.PathOf("corpus", "pypa"), SharedData.Root, OsvSchema.Embedded(null));

    private static (IReadOnlyList<PublishableAdvisory> Valid, int Invalid) Load(string folder, string relativeTo, OsvSchema schema)
    {
        var valid = new List<PublishableAdvisory>();
        var invalid = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(path) != "database.yaml")
            .Order(StringComparer.Ordinal))
        {
            var document = AdvisoryYamlLoader.LoadFile(path);
            var json = document.Record ?? throw new InvalidOperationException($"{path} does not load.");
            if (!schema.Compiled.IsValid(json))
            {
                invalid++;
                continue;
            }
            var record = LoadedAdvisory.From(document, out _)?.Record ?? throw new InvalidOperationException($"{path} is not an OSV record.");
            valid.Add(new PublishableAdvisory(record, Path.GetRelativePath(relativeTo, path).Replace('\\', '/')));
        }
        return (valid, invalid);
    }
}
