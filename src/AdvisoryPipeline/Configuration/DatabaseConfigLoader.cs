using System.Text.Json;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.FileSystem;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Configuration;

/// <summary>The configuration that applies, where it came from, and what is wrong with it.</summary>
/// <param name="Config">The configuration; null when the file has errors.</param>
/// <param name="Path">The file read, or null when none was found and the defaults apply.</param>
public sealed record LoadedDatabaseConfig(DatabaseConfig? Config, string? Path, IReadOnlyList<Finding> Findings)
{
    /// <summary>Where each value of the file is, for checks that come later (the policy's key); null without a file.</summary>
    public SourceMap? Map { get; init; }

    public bool HasErrors => Findings.Any(f => f.IsError);
}

/// <summary>Reads <c>database.yaml</c> with the advisory loader's guarantees (limits, located findings) and checks it.</summary>
public static class DatabaseConfigLoader
{

    private static readonly LoadOptions ConfigOptions = new()
    {
        Shape = DatabaseConfigShape.Instance,
        AuthoringBlockKey = null,
        // Only this tool reads the file, so what YAML 1.1 tools would make of it does not matter.
        WarnAboutYaml11Readings = false,
    };

    /// <summary>The configuration of the database that <paramref name="advisoryPath"/> belongs to, or the defaults.</summary>
    public static LoadedDatabaseConfig LoadFor(string advisoryPath) =>
        DatabaseConfigLocator.FindFor(advisoryPath) is { } path
            ? LoadFile(path)
            : new LoadedDatabaseConfig(DatabaseConfig.Defaults, null, []);

    /// <summary>
    /// Reads the file when it is a regular file: a committed link to <c>/proc/self/environ</c> or a FIFO named
    /// database.yaml is refused unread (YAML016), so that nothing of the machine reaches a message.
    /// </summary>
    public static LoadedDatabaseConfig LoadFile(string path) => FileKinds.Of(path) == FileKind.RegularFile
        ? Check(AdvisoryYamlLoader.LoadFile(path, ConfigOptions))
        : new LoadedDatabaseConfig(null, path, [new Finding(LoadFindingCodes.NotRegularFile, FindingLevel.Error,
            "not read: the database configuration is not a regular file (a symbolic link, a folder, a FIFO or a device)",
            SourceLocation.WholeFile(path), "make database.yaml a regular file of the repository")]);

    public static LoadedDatabaseConfig Load(string path, ReadOnlySpan<byte> utf8Content) =>
        Check(AdvisoryYamlLoader.Load(path, utf8Content, ConfigOptions));

    private static LoadedDatabaseConfig Check(LoadedDocument document)
    {
        if (document.Record is not { } root) return new LoadedDatabaseConfig(null, document.Path, document.Findings);

        var findings = document.Findings.Concat(DatabaseConfigChecker.Check(root, document.Map, document.Findings)).ToArray();
        if (findings.Any(f => f.IsError)) return new LoadedDatabaseConfig(null, document.Path, findings);
        try
        {
            return new LoadedDatabaseConfig(root.Deserialize(DatabaseConfigJsonContext.Default.DatabaseConfig), document.Path, findings)
            {
                Map = document.Map,
            };
        }
        catch (JsonException ex)
        {
            // The checker mirrors the metadata, so this is a checker gap; it still must not escape as a trace.
            var pointer = ex.Path is { Length: > 1 } path ? "/" + path[2..].Replace('.', '/') : "";
            return new LoadedDatabaseConfig(null, document.Path, [.. findings, new Finding(ConfigFindingCodes.InvalidValue,
                FindingLevel.Error, "the configuration cannot be read: " + ex.Message, document.Map.Locate(pointer), null, pointer)]);
        }
    }
}
