using System.Text.Json;
using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Loading;

/// <summary>One advisory file of a folder, loaded.</summary>
public sealed record FolderAdvisory(string FullPath, string DisplayPath, LoadedDocument Document)
{
    /// <summary>The record's <c>id</c>, or null when the file has no readable string id.</summary>
    public string? Id =>
        Document.Record is { ValueKind: JsonValueKind.Object } record && record.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}

/// <summary>Every advisory file below a folder (as <see cref="AdvisoryFileDiscovery"/> finds them), loaded, in path order.</summary>
public sealed class AdvisoryFolder
{
    private AdvisoryFolder(string fullPath, IReadOnlyList<FolderAdvisory> advisories, IReadOnlyList<Finding> refused)
    {
        FullPath = fullPath;
        Advisories = advisories;
        Refused = refused;
    }

    public string FullPath { get; }

    public IReadOnlyList<FolderAdvisory> Advisories { get; }

    /// <summary>What the folder holds that is not read (see <see cref="DiscoveredFiles.Refused"/>).</summary>
    public IReadOnlyList<Finding> Refused { get; }

    public static AdvisoryFolder Load(string fullPath, string workingDirectory)
    {
        var discovered = AdvisoryFileDiscovery.Discover([fullPath], workingDirectory);
        var advisories = discovered.Files
            .Select(file => new FolderAdvisory(file.FullPath, file.DisplayPath, AdvisoryFileLoader.Load(file)))
            .ToList();
        return new AdvisoryFolder(fullPath, advisories, discovered.Refused);
    }

    /// <summary>The advisories whose record has this id (more than one is a conflict the caller reports).</summary>
    public IReadOnlyList<FolderAdvisory> WithId(string id) =>
        Advisories.Where(a => string.Equals(a.Id, id, StringComparison.Ordinal)).ToList();
}
