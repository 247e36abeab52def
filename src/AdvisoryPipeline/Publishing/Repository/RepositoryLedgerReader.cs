using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Publishing.Repository;

/// <summary>
/// Reads the ledger of a repository target from its files: the ledger file's entries where they match the files'
/// blob SHAs, and the records themselves otherwise (hand edits, files added by other means, a lost ledger file).
/// </summary>
public static class RepositoryLedgerReader
{
    /// <param name="layout">Where the records are.</param>
    /// <param name="files">The files under the folder, path to blob SHA.</param>
    /// <param name="readBlobs">Reads blobs by SHA (one call for the ledger file, one for the records it does not cover).</param>
    /// <param name="location">The target, for messages.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>One record per ID: the file at the ID's path when there is one, else the first by path.</returns>
    /// <exception cref="PublishRefusedException">A record file cannot be read as a record.</exception>
    public static async Task<IReadOnlyList<LedgerRecord>> ReadAsync(
        RecordLayout layout,
        IReadOnlyDictionary<string, string> files,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, byte[]>>> readBlobs,
        string location,
        CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, LedgerFileEntry>? ledger = null;
        if (files.TryGetValue(layout.LedgerPath, out var ledgerSha))
            ledger = LedgerFile.TryRead((await readBlobs([ledgerSha], cancellationToken))[ledgerSha]);

        var found = new List<(string Path, LedgerRecord Record)>();
        var unknown = new List<(string Path, string Id, string Sha)>();
        foreach (var (path, sha) in files.OrderBy(file => file.Key, StringComparer.Ordinal))
        {
            if (layout.RecordIdAt(path) is not { } id)
                continue;
            if (Trusted(ledger, layout.RelativeToFolder(path), id, sha) is { } record)
                found.Add((path, record));
            else
                unknown.Add((path, id, sha));
        }

        var findings = new List<Finding>();
        if (unknown.Count > 0)
        {
            var blobs = await readBlobs([.. unknown.Select(file => file.Sha).Distinct()], cancellationToken);
            foreach (var (path, id, sha) in unknown)
            {
                if (PublishedRecordReader.TryRead(blobs[sha], id, out var error) is { } record)
                    found.Add((path, record));
                else
                    findings.Add(PublishFindings.UnreadableTargetRecord($"{location} {path}", $"{path}: {error}"));
            }
        }
        if (findings.Count > 0)
            throw new PublishRefusedException(findings);

        return [.. found
            .GroupBy(file => file.Record.Id, StringComparer.Ordinal)
            .Select(copies => copies.OrderBy(copy => copy.Path == layout.PathOf(copies.Key) ? 0 : 1).ThenBy(copy => copy.Path, StringComparer.Ordinal).First().Record)];
    }

    private static LedgerRecord? Trusted(IReadOnlyDictionary<string, LedgerFileEntry>? ledger, string relativePath, string id, string sha)
    {
        if (ledger?.GetValueOrDefault(relativePath) is not { } entry || entry.Id != id || entry.Sha != sha)
            return null;
        try
        {
            return new LedgerRecord(entry.Id, entry.Modified, entry.Published, entry.Withdrawn, sha);
        }
        catch (ArgumentException)
        {
            return null; // a damaged entry: the record itself is read instead
        }
    }
}
