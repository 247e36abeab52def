using System.Security.Cryptography;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.JsonSchema;
using AdvisoryPipeline.Lint;

namespace AdvisoryPipeline.Validation;

/// <summary>
/// Finds the database context of each advisory file: <c>--config</c> if given, else the nearest enclosing
/// <c>database.yaml</c>, else the built-in defaults. Each configuration is read once and each schema compiled
/// once per ID prefix, however many files share them.
/// </summary>
public sealed class DatabaseContextResolver(ValidationOptions options)
{
    private const string DefaultsKey = "<defaults>";
    private readonly Dictionary<string, DatabaseContext> _byConfig = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _configByFolder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OsvSchema> _schemaByPrefix = new(StringComparer.Ordinal);

    /// <exception cref="ConfigurationException">The configuration or the schema cannot be used.</exception>
    public DatabaseContext For(string advisoryPath)
    {
        var configPath = options.ConfigPath is { } explicitPath
            ? Path.GetFullPath(explicitPath)
            : ConfigFor(Path.GetDirectoryName(Path.GetFullPath(advisoryPath))!);
        if (_byConfig.TryGetValue(configPath, out var context)) return context;

        context = Create(configPath == DefaultsKey ? null : configPath);
        _byConfig[configPath] = context;
        return context;
    }

    private string ConfigFor(string folder)
    {
        if (!_configByFolder.TryGetValue(folder, out var config))
            _configByFolder[folder] = config = DatabaseConfigLocator.FindFor(folder) ?? DefaultsKey;
        return config;
    }

    private DatabaseContext Create(string? configPath)
    {
        DatabaseConfig config;
        string fingerprint;
        var policyKey = PolicyKeyReading.None;
        if (configPath is null)
        {
            config = DatabaseConfig.Defaults;
            fingerprint = "defaults";
        }
        else
        {
            if (!File.Exists(configPath))
                throw new ConfigurationException($"configuration file {configPath} does not exist", []);
            var loaded = DatabaseConfigLoader.LoadFile(configPath);
            if (loaded.HasErrors || loaded.Config is null)
                throw new ConfigurationException($"{configPath} is not a valid database configuration", loaded.Findings);
            config = loaded.Config;
            fingerprint = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(configPath)));
            policyKey = PolicyKeyCheck.Check(config, configPath, loaded.Map, options.Clock.GetUtcNow());
        }
        var lint = Linter.Create(config, new LintOptions { Clock = options.Clock, Placeholders = options.Placeholders });
        return new DatabaseContext(config, configPath, fingerprint, SchemaFor(config.IdPrefix), lint) { PolicyKey = policyKey };
    }

    private OsvSchema SchemaFor(string? prefix)
    {
        var key = prefix ?? "";
        if (_schemaByPrefix.TryGetValue(key, out var schema)) return schema;
        try
        {
            schema = options.SchemaPath is { } path ? OsvSchema.FromFile(path, prefix) : OsvSchema.Embedded(prefix);
        }
        catch (SchemaCompileException e)
        {
            throw new ConfigurationException(e.Message, []);
        }
        _schemaByPrefix[key] = schema;
        return schema;
    }
}
