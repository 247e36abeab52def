namespace AdvisoryPipeline.Osv;

/// <summary>The top-level keys of an OSV record in the specification's order, which is also the published JSON's order.</summary>
public static class OsvKeyOrder
{
    public static IReadOnlyList<string> Keys { get; } =
    [
        "schema_version", "id", "modified", "published", "withdrawn", "aliases", "upstream", "related",
        "summary", "details", "severity", "affected", "references", "credits", "database_specific",
    ];

    private static readonly Dictionary<string, int> Positions =
        Keys.Select((key, index) => (key, index)).ToDictionary(p => p.key, p => p.index, StringComparer.Ordinal);

    /// <summary>The key's position in <see cref="Keys"/>, or -1 for a key OSV does not define.</summary>
    public static int IndexOf(string key) => Positions.GetValueOrDefault(key, -1);
}
