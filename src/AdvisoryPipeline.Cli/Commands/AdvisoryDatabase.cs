using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary>The advisory folder a lifecycle command works on (<c>--dir</c>), with its database configuration.</summary>
internal sealed record AdvisoryDatabase(string FullPath, string DisplayPath, DatabaseConfig Config, string IdPrefix)
{
    /// <summary>Opens the folder; a missing folder, an invalid <c>database.yaml</c> or one without <c>id_prefix</c> is a usage error.</summary>
    public static AdvisoryDatabase Open(CliEnvironment env, string folder)
    {
        var fullPath = Path.GetFullPath(folder, env.WorkingDirectory);
        if (!Directory.Exists(fullPath)) throw new UsageException($"{folder}: no such folder");

        var loaded = DatabaseConfigLoader.LoadFor(fullPath);
        if (loaded.Config is not { } config)
            throw new UsageException($"{loaded.Path}: the database configuration has errors: "
                + string.Join("; ", loaded.Findings.Where(f => f.IsError).Select(f => $"{f.Location}: {f.Message}")));
        if (config.IdPrefix is not { } prefix)
            throw new UsageException(loaded.Path is null
                ? $"no {DatabaseFiles.ConfigFile} found for {folder}: it must set id_prefix so that advisory IDs can be made"
                : $"{loaded.Path} sets no id_prefix: it is needed to make advisory IDs");
        return new AdvisoryDatabase(fullPath, folder, config, prefix);
    }
}
