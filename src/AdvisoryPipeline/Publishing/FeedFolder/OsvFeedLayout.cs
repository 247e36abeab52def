using System.Text;

namespace AdvisoryPipeline.Publishing.FeedFolder;

/// <summary>
/// The consumer feed in the layout of osv.dev's bucket (gs://osv-vulnerabilities), so that tools that mirror
/// osv.dev can mirror this database too:
/// <list type="bullet">
/// <item><c>&lt;ECOSYSTEM&gt;/&lt;ID&gt;.json</c> for each folder of <see cref="FeedEcosystems.FoldersOf"/> (a record
/// affecting several ecosystems is in each),</item>
/// <item><c>&lt;ECOSYSTEM&gt;/all.zip</c> and <c>&lt;ECOSYSTEM&gt;/modified_id.csv</c>,</item>
/// <item><c>all.zip</c> (each record once), <c>modified_id.csv</c> (one row per record and folder),
/// <c>ecosystems.txt</c> (the folders, sorted, one per line),</item>
/// <item>and our <c>index.json</c> (<see cref="FeedIndex"/>).</item>
/// </list>
/// </summary>
public static class OsvFeedLayout
{
    /// <returns>Every file of the feed: path relative to the feed's root ('/' separated) to content, sorted by path.</returns>
    /// <exception cref="ArgumentException">Two records have the same ID, or a folder name is unsafe.</exception>
    public static IReadOnlyDictionary<string, byte[]> Build(IReadOnlyCollection<FeedRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var duplicate = records.GroupBy(record => record.Id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"The feed would hold {duplicate.Key} twice.", nameof(records));

        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var byFolder = records
            .SelectMany(record => record.EcosystemFolders.Select(folder => (Folder: folder, Record: record)))
            .GroupBy(pair => pair.Folder, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var folder in byFolder)
        {
            if (!FeedEcosystems.IsSafeFolderName(folder.Key))
                throw new ArgumentException($"'{folder.Key}' (from {folder.First().Record.Id}) cannot be a folder name.", nameof(records));
            foreach (var (_, record) in folder)
                files[$"{folder.Key}/{record.Id}{OsvFeedFiles.RecordExtension}"] = record.Content.ToArray();
            files[$"{folder.Key}/{OsvFeedFiles.AllZip}"] = ZipOf(folder.Select(pair => pair.Record));
            files[$"{folder.Key}/{OsvFeedFiles.ModifiedIdCsv}"] = ModifiedIdCsv.Write(folder.Select(pair => (pair.Record.Modified, pair.Record.Id)));
        }
        files[OsvFeedFiles.AllZip] = ZipOf(records);
        files[OsvFeedFiles.ModifiedIdCsv] = ModifiedIdCsv.Write(byFolder.SelectMany(folder =>
            folder.Select(pair => (pair.Record.Modified, $"{folder.Key}/{pair.Record.Id}"))));
        files[OsvFeedFiles.EcosystemsTxt] = Encoding.UTF8.GetBytes(string.Concat(byFolder.Select(folder => folder.Key + "\n")));
        files[OsvFeedFiles.IndexJson] = FeedIndex.Write(records);
        return files;
    }

    private static byte[] ZipOf(IEnumerable<FeedRecord> records) =>
        DeterministicZip.Create(records.Select(record => (record.Id + OsvFeedFiles.RecordExtension, record.Content)));
}
