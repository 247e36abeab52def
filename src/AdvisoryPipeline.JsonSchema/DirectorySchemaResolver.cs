using System.Text.Json;

namespace AdvisoryPipeline.JsonSchema;

/// <summary>
/// Resolves URIs under a prefix (e.g. <c>http://localhost:1234/</c>) to JSON files under a directory, so that a
/// schema's references to sibling documents work offline. URIs outside the prefix or leaving the directory are unknown.
/// </summary>
public sealed class DirectorySchemaResolver(Uri prefix, string directory) : ISchemaResolver
{
    private readonly string _prefix = prefix.AbsoluteUri;
    private readonly string _directory = Path.GetFullPath(directory);

    public bool TryResolve(Uri documentUri, out JsonElement document)
    {
        document = default;
        var uri = documentUri.AbsoluteUri;
        if (!uri.StartsWith(_prefix, StringComparison.Ordinal)) return false;
        var relative = Uri.UnescapeDataString(uri[_prefix.Length..]);
        var path = Path.GetFullPath(Path.Combine(_directory, relative));
        if (!path.StartsWith(_directory + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path)) return false;
        using var parsed = JsonDocument.Parse(File.ReadAllBytes(path));
        document = parsed.RootElement.Clone();
        return true;
    }
}
