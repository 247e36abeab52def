namespace AdvisoryPipeline.Publishing.FeedFolder;

/// <summary>The names of the feed's files, as in osv.dev's bucket.</summary>
public static class OsvFeedFiles
{
    public const string AllZip = "all.zip";

    public const string ModifiedIdCsv = "modified_id.csv";

    public const string EcosystemsTxt = "ecosystems.txt";

    /// <summary>Ours, not osv.dev's: id, modified and aliases of every record, for consumers that want a small index.</summary>
    public const string IndexJson = "index.json";

    public const string RecordExtension = ".json";

    /// <summary>Whether a path relative to the feed's root has the shape of a file the feed writes.</summary>
    public static bool IsFeedPath(string relativePath)
    {
        var parts = relativePath.Split('/');
        return parts switch
        {
            [AllZip or ModifiedIdCsv or EcosystemsTxt or IndexJson] => true,
            [_, AllZip or ModifiedIdCsv] => true,
            [_, var name] => name.EndsWith(RecordExtension, StringComparison.Ordinal),
            _ => false,
        };
    }
}
