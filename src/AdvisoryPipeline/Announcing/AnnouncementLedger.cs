using System.Text;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Editing;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Announcing;

/// <summary>One post the ledger knows of.</summary>
/// <param name="Channel">The channel, <c>service/name</c>.</param>
/// <param name="Modified">The advisory's <c>modified</c> as published when it was posted: the version announced.</param>
/// <param name="Posted">When it was posted (the run's clock).</param>
public sealed record AnnouncementEntry(string Channel, string Id, ChatNotice Notice, string Modified, string Posted);

/// <summary>
/// Which advisory was announced on which channel, in which version: <c>advisories/.announcements</c>, beside
/// <c>database.yaml</c> and committed with it (the publish workflow commits it after posting, as it commits assigned
/// IDs), so that it survives CI runs and a re-run posts nothing. One line per post, sorted, so that two branches
/// merge like any text file. A withdrawn advisory gets one "withdrawn" line beside its "announced" line.
/// </summary>
public sealed class AnnouncementLedger
{
    public const string FileName = ".announcements";

    private const string Header =
        "# Chat announcements made by `advisory announce --chat`: channel, advisory, notice, the advisory's modified\n" +
        "# when posted, and when it was posted. Committed so that no run posts anything twice; written by the tool.\n" +
        "# Removing a line makes the next run post that notice again.\n";

    private static readonly string[] Notices = ["announced", "withdrawn"];

    private readonly SortedDictionary<(string Channel, string Id, ChatNotice Notice), AnnouncementEntry> _entries;

    private AnnouncementLedger(SortedDictionary<(string, string, ChatNotice), AnnouncementEntry> entries) => _entries = entries;

    public static AnnouncementLedger Empty { get; } = new(new(Comparer));

    public IReadOnlyCollection<AnnouncementEntry> Entries => _entries.Values;

    public bool Has(string channel, string id, ChatNotice notice) => _entries.ContainsKey((channel, id, notice));

    /// <summary>A ledger that also holds <paramref name="entry"/> (replacing one for the same channel, advisory and notice).</summary>
    public AnnouncementLedger With(AnnouncementEntry entry) =>
        new(new SortedDictionary<(string, string, ChatNotice), AnnouncementEntry>(_entries, Comparer) { [(entry.Channel, entry.Id, entry.Notice)] = entry });

    public string Format()
    {
        var text = new StringBuilder(Header);
        foreach (var entry in _entries.Values)
            text.Append(entry.Channel).Append(' ').Append(entry.Id).Append(' ').Append(Notices[(int)entry.Notice])
                .Append(' ').Append(entry.Modified).Append(' ').Append(entry.Posted).Append('\n');
        return text.ToString();
    }

    /// <summary>Replaces the file in one step, so that an interrupted run leaves the old ledger or the new one.</summary>
    public void Save(string path) => AdvisoryFileWriter.Write(path, Format(), byteOrderMark: false);

    /// <summary>The ledger in <paramref name="path"/>; an empty one when the file does not exist.</summary>
    /// <exception cref="UsageException">A line that is not a ledger line; the message names the file and line.</exception>
    public static AnnouncementLedger Load(string path, string displayPath)
    {
        if (!File.Exists(path)) return Empty;
        var entries = new SortedDictionary<(string, string, ChatNotice), AnnouncementEntry>(Comparer);
        var number = 0;
        foreach (var line in File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n'))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split(' ');
            var notice = fields.Length == 5 ? Array.IndexOf(Notices, fields[2]) : -1;
            if (notice < 0 || !fields[0].Contains('/', StringComparison.Ordinal) || !OsvTimestamp.TryParse(fields[4], out _))
                throw new UsageException($"{displayPath}:{number}: not a ledger line; expected 'CHANNEL ID announced|withdrawn MODIFIED POSTED' " +
                    "(the file is written by advisory announce --chat: restore it from git)");
            entries[(fields[0], fields[1], (ChatNotice)notice)] = new AnnouncementEntry(fields[0], fields[1], (ChatNotice)notice, fields[3], fields[4]);
        }
        return new AnnouncementLedger(entries);
    }

    private static readonly Comparer<(string Channel, string Id, ChatNotice Notice)> Comparer = Comparer<(string Channel, string Id, ChatNotice Notice)>.Create((a, b) =>
    {
        var byChannel = string.CompareOrdinal(a.Channel, b.Channel);
        if (byChannel != 0) return byChannel;
        var byId = string.CompareOrdinal(a.Id, b.Id);
        return byId != 0 ? byId : a.Notice.CompareTo(b.Notice);
    });
}
