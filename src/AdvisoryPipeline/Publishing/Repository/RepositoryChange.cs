using System.Security.Cryptography;
using System.Text;
using AdvisoryPipeline.Git;

namespace AdvisoryPipeline.Publishing.Repository;

/// <summary>One file a change writes.</summary>
public sealed record FileWrite(string Path, ReadOnlyMemory<byte> Content, string Sha);

/// <summary>
/// The files a plan changes in a repository target: records whose blob differs, stray copies of records at a path
/// other than their ID's (deleted: that is the only deletion, since a record never disappears), and the ledger file.
/// Held and excluded records already in the target are left exactly as they are.
/// </summary>
public sealed record RepositoryChange(IReadOnlyList<FileWrite> Writes, IReadOnlyList<string> Deletions, string Fingerprint)
{
    public bool IsEmpty => Writes.Count == 0 && Deletions.Count == 0;

    /// <summary>The number of record files written or deleted, without the ledger file.</summary>
    public int RecordFileCount(RecordLayout layout) =>
        Writes.Count(write => write.Path != layout.LedgerPath) + Deletions.Count;

    public static RepositoryChange Build(PublishPlan plan, RecordLayout layout, IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(files);
        var recordFiles = files
            .Select(file => (Path: file.Key, Sha: file.Value, Id: layout.RecordIdAt(file.Key)))
            .Where(file => file.Id is not null)
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .ToLookup(file => file.Id!, StringComparer.Ordinal);
        var writes = new List<FileWrite>();
        var deletions = new List<string>();
        var ledger = new List<LedgerFileEntry>();

        foreach (var entry in plan.Advisories.Where(entry => entry.IsPublished))
        {
            if (entry.IsKept)
            {
                // Kept as the target has it, wherever that is.
                var kept = recordFiles[entry.Id].OrderBy(file => file.Path == layout.PathOf(entry.Id) ? 0 : 1).First();
                var record = plan.Ledger.Find(entry.Id)!;
                ledger.Add(new LedgerFileEntry(entry.Id, layout.RelativeToFolder(kept.Path), kept.Sha, record.Modified, record.Published, record.Withdrawn));
                continue;
            }
            var path = layout.PathOf(entry.Id);
            if (files.GetValueOrDefault(path) != entry.ContentSha)
                writes.Add(new FileWrite(path, entry.Content, entry.ContentSha!));
            deletions.AddRange(recordFiles[entry.Id].Where(file => file.Path != path).Select(file => file.Path));
            ledger.Add(new LedgerFileEntry(entry.Id, layout.RelativeToFolder(path), entry.ContentSha!, entry.Record!.Modified!, entry.Record.Published, entry.Record.Withdrawn));
        }

        var ledgerContent = LedgerFile.Write(ledger);
        var ledgerSha = GitBlobHash.Of(ledgerContent);
        if (writes.Count > 0 || deletions.Count > 0 || files.GetValueOrDefault(layout.LedgerPath) != ledgerSha)
            writes.Add(new FileWrite(layout.LedgerPath, ledgerContent, ledgerSha));
        return new RepositoryChange(writes, deletions, FingerprintOf(plan, deletions, ledgerSha));
    }

    /// <summary>
    /// Names the change independently of the run's time: the written records' fingerprints and the deletions (or,
    /// for a ledger-only repair, the ledger's SHA, which then holds only existing timestamps).
    /// </summary>
    private static string FingerprintOf(PublishPlan plan, IReadOnlyList<string> deletions, string ledgerSha)
    {
        var text = new StringBuilder();
        foreach (var entry in plan.Written)
            text.Append(entry.Id).Append(' ').Append(PublishActionNames.Of(entry.Action)).Append(' ').Append(entry.ChangeFingerprint).Append('\n');
        foreach (var path in deletions)
            text.Append("delete ").Append(path).Append('\n');
        if (text.Length == 0)
            text.Append("ledger ").Append(ledgerSha).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
