using System.Security.Cryptography;
using System.Text;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.FileSystem;
using AdvisoryPipeline.Lint;

namespace AdvisoryPipeline.Validation;

/// <summary>
/// Findings of files already validated, keyed by the file's path and SHA-256 content hash, so that a repeat
/// run over unchanged files does not parse them again. An entry also keeps the file's settled <see cref="FileStamp"/>
/// when there is one: a file whose stamp is still the same is not even read. The whole cache belongs to one combination of tool
/// build, schema and configuration (its <see cref="Key"/>): any change there starts from empty. Entries whose
/// results depend on the clock expire when they could change. The file is safe to delete at any time, and a
/// damaged or foreign file is ignored, never trusted.
/// </summary>
public sealed class ValidationCache
{
    // 3: a location in the file the entry is for is written without its path (most are); the texts of findings
    // (code, message, hint, pointer), which repeat from file to file, are written once in a table and referred to.
    // 4: a lint summary ends with the packages the record covers (OSV306 compares them).
    // 5: each entry has the file's stamp after its hash.
    // 6: a lint summary's path is left out when it is the entry's (it always is).
    private const int FormatVersion = 6;
    private static readonly byte[] Magic = "APVC"u8.ToArray();

    private readonly Dictionary<string, CacheEntry> _entries;
    private readonly Dictionary<string, CacheEntry> _next = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _changed;

    private ValidationCache(string file, string key, Dictionary<string, CacheEntry> entries)
    {
        File = file;
        Key = key;
        _entries = entries;
    }

    public string File { get; }

    public string Key { get; }

    /// <summary>Whether the cache holds no entry (no file, another key, or damaged): nothing is worth reading files for.</summary>
    public bool IsEmpty => _entries.Count == 0;

    /// <summary>
    /// <c>$XDG_CACHE_HOME/advisory-pipeline</c>, else <c>$HOME/.cache/advisory-pipeline</c>; null (no cache) when neither
    /// is set, rather than a folder relative to wherever the command runs.
    /// </summary>
    public static string? DefaultDirectory(Func<string, string?> environment)
    {
        var root = environment("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : environment("HOME") is { Length: > 0 } home ? Path.Combine(home, ".cache")
            : null;
        return root is null ? null : Path.Combine(root, "advisory-pipeline");
    }

    /// <summary>The cache file for one set of inputs (working folder and paths) in <paramref name="directory"/>.</summary>
    public static string FileFor(string directory, string workingDirectory, IEnumerable<string> inputs)
    {
        var identity = workingDirectory + "\n" + string.Join("\n", inputs.Order(StringComparer.Ordinal));
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..24];
        return Path.Combine(directory, $"validate-{name}.bin");
    }

    /// <summary>The tool build that produced the findings: any rebuild of the library invalidates them.</summary>
    public static string ToolIdentity { get; } = typeof(ValidationCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>
    /// Starts reading the cache file on another thread, so that it loads while the advisory files are found (the key,
    /// which needs their configurations, is checked by <see cref="Open"/>). A large cache takes as long to read as the
    /// files take to find.
    /// </summary>
    public static Task<StoredEntries> ReadAhead(string file) => Task.Run(() => Read(file, expectedKey: null));

    /// <summary>
    /// Opens the cache file if it exists and was written for <paramref name="key"/>; else an empty cache.
    /// <paramref name="readAhead"/> is the same file's <see cref="ReadAhead"/>.
    /// </summary>
    public static ValidationCache Open(string file, string key, StoredEntries? readAhead = null)
    {
        var stored = readAhead ?? Read(file, key);
        return new ValidationCache(file, key, stored.Key == key ? stored.Entries : new Dictionary<string, CacheEntry>(StringComparer.Ordinal));
    }

    /// <summary>What a cache file holds: the key it was written for (null when there is none or it is unreadable) and its entries.</summary>
    public sealed record StoredEntries(string? Key, Dictionary<string, CacheEntry> Entries);

    private static StoredEntries Read(string file, string? expectedKey)
    {
        try
        {
            if (System.IO.File.Exists(file))
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                using var reader = new BinaryReader(stream, Encoding.UTF8);
                if (TryRead(reader, expectedKey, out var key, out var entries))
                    return new StoredEntries(key, entries);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException
            or IndexOutOfRangeException or OverflowException)
        {
            // A cache that cannot be read is a cache miss, never an error.
        }
        return new StoredEntries(null, new Dictionary<string, CacheEntry>(StringComparer.Ordinal));
    }

    /// <summary>
    /// The cached result for a file whose settled stamp is the one the entry was stored with, unless it has expired:
    /// the file is unchanged without reading it.
    /// </summary>
    public bool TryGet(string path, FileStamp stamp, DateTimeOffset now, out CacheEntry entry)
    {
        if (_entries.TryGetValue(path, out entry!) && entry.Stamp == stamp && !entry.HasExpired(now))
        {
            lock (_gate) _next[path] = entry;
            return true;
        }
        return false;
    }

    /// <summary>
    /// The cached result for this exact content, unless it has expired. <paramref name="settledStamp"/>, when given,
    /// replaces the entry's stamp, so that the next run need not read the file.
    /// </summary>
    public bool TryGet(string path, ReadOnlySpan<byte> contentHash, FileStamp? settledStamp, DateTimeOffset now, out CacheEntry entry)
    {
        if (_entries.TryGetValue(path, out entry!) && contentHash.SequenceEqual(entry.ContentHash) && !entry.HasExpired(now))
        {
            var restamped = entry.Stamp == settledStamp;
            if (!restamped) entry = entry with { Stamp = settledStamp };
            lock (_gate)
            {
                _next[path] = entry;
                _changed |= !restamped;
            }
            return true;
        }
        return false;
    }

    /// <param name="settledStamp">The file's stamp, read before its content, if it had settled (<see cref="FileStamp.IsSettledBefore"/>).</param>
    public void Put(string path, byte[] contentHash, FileStamp? settledStamp, IReadOnlyList<Finding> findings, AdvisorySummary summary)
    {
        var entry = new CacheEntry(contentHash, findings, summary) { Stamp = settledStamp };
        lock (_gate)
        {
            _next[path] = entry;
            _changed = true;
        }
    }

    /// <summary>Writes the entries used or added by this run, atomically, if anything differs from the file.</summary>
    public void Save()
    {
        lock (_gate)
        {
            if (!_changed && _next.Count == _entries.Count) return;
            var temporary = File + "." + Environment.ProcessId + ".tmp";
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(File)!);
                using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                using (var writer = new BinaryWriter(stream, Encoding.UTF8))
                    Write(writer);
                System.IO.File.Move(temporary, File, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not being able to cache only costs time on the next run.
                try { System.IO.File.Delete(temporary); } catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException) { }
            }
        }
    }

    private void Write(BinaryWriter writer)
    {
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Key);
        var entries = _next.OrderBy(e => e.Key, StringComparer.Ordinal).ToArray();
        var texts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, entry) in entries)
            foreach (var finding in entry.Findings)
                foreach (var text in new[] { finding.Code, finding.Message, finding.Hint, finding.Pointer })
                    if (text is not null) texts.TryAdd(text, texts.Count);
        writer.Write(texts.Count);
        foreach (var text in texts.Keys) writer.Write(text);
        writer.Write(entries.Length);
        foreach (var (path, entry) in entries)
        {
            writer.Write(path);
            writer.Write(entry.ContentHash);
            WriteStamp(writer, entry.Stamp);
            WriteNullable(writer, entry.Summary.Id);
            writer.Write(entry.Summary.ResultsExpireAt?.UtcTicks ?? 0L);
            writer.Write(entry.Summary.EmbargoUntil?.UtcTicks ?? 0L);
            WriteLint(writer, entry.Summary.Lint, path);
            writer.Write(entry.Findings.Count);
            foreach (var finding in entry.Findings)
            {
                writer.Write(texts[finding.Code]);
                writer.Write((byte)finding.Level);
                writer.Write(texts[finding.Message]);
                WriteLocation(writer, finding.Location, path);
                writer.Write(finding.Hint is null ? -1 : texts[finding.Hint]);
                writer.Write(finding.Pointer is null ? -1 : texts[finding.Pointer]);
            }
        }
    }

    /// <param name="expectedKey">When given, a file written for another key is not read beyond its key.</param>
    private static bool TryRead(BinaryReader reader, string? expectedKey, out string key, out Dictionary<string, CacheEntry> entries)
    {
        entries = new Dictionary<string, CacheEntry>(StringComparer.Ordinal);
        key = "";
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion)
            return false;
        key = reader.ReadString();
        if (expectedKey is not null && key != expectedKey)
            return false;
        // A damaged count must not make us allocate beyond the file: each text takes at least one byte.
        var textCount = reader.ReadInt32();
        if (textCount < 0 || textCount > reader.BaseStream.Length) return false;
        var texts = new string[textCount];
        for (var i = 0; i < texts.Length; i++) texts[i] = reader.ReadString();
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var path = reader.ReadString();
            var hash = reader.ReadBytes(SHA256.HashSizeInBytes);
            var stamp = ReadStamp(reader);
            var id = ReadNullable(reader);
            var expiresTicks = reader.ReadInt64();
            var embargoTicks = reader.ReadInt64();
            var lint = ReadLint(reader, path);
            var findings = new Finding[reader.ReadInt32()];
            for (var f = 0; f < findings.Length; f++)
            {
                var code = texts[reader.ReadInt32()];
                var level = (FindingLevel)reader.ReadByte();
                var message = texts[reader.ReadInt32()];
                var location = ReadLocation(reader, path);
                var hint = reader.ReadInt32() is >= 0 and var h ? texts[h] : null;
                var pointer = reader.ReadInt32() is >= 0 and var p ? texts[p] : null;
                findings[f] = new Finding(code, level, message, location, hint, pointer);
            }
            entries[path] = new CacheEntry(hash, findings, new AdvisorySummary(id, Moment(expiresTicks), lint, Moment(embargoTicks))) { Stamp = stamp };
        }
        return true;
    }

    private static void WriteStamp(BinaryWriter writer, FileStamp? stamp)
    {
        writer.Write(stamp is not null);
        if (stamp is not { } s) return;
        writer.Write(s.Device);
        writer.Write(s.Inode);
        writer.Write(s.Size);
        writer.Write(s.ModifiedNanoseconds);
        writer.Write(s.ChangedNanoseconds);
    }

    private static FileStamp? ReadStamp(BinaryReader reader) => reader.ReadBoolean()
        ? new FileStamp(reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64())
        : null;

    private static void WriteLint(BinaryWriter writer, LintSummary? lint, string entryPath)
    {
        writer.Write(lint is not null);
        if (lint is null) return;
        WriteNullable(writer, lint.Path == entryPath ? null : lint.Path);
        WriteLocated(writer, lint.Id, lint.Path);
        WriteOptionalLocated(writer, lint.Published, lint.Path);
        WriteOptionalLocated(writer, lint.Modified, lint.Path);
        writer.Write(lint.Withdrawn);
        writer.Write(lint.Aliases.Count);
        foreach (var alias in lint.Aliases) WriteLocated(writer, alias, lint.Path);
        writer.Write(lint.Packages.Count);
        foreach (var package in lint.Packages) writer.Write(package);
    }

    private static LintSummary? ReadLint(BinaryReader reader, string entryPath)
    {
        if (!reader.ReadBoolean()) return null;
        var path = ReadNullable(reader) ?? entryPath;
        var id = ReadLocated(reader, path);
        var published = ReadOptionalLocated(reader, path);
        var modified = ReadOptionalLocated(reader, path);
        var withdrawn = reader.ReadBoolean();
        var aliases = new LocatedValue[reader.ReadInt32()];
        for (var i = 0; i < aliases.Length; i++) aliases[i] = ReadLocated(reader, path);
        var packages = new string[reader.ReadInt32()];
        for (var i = 0; i < packages.Length; i++) packages[i] = reader.ReadString();
        return new LintSummary(path, id, published, modified, withdrawn, aliases, packages);
    }

    private static void WriteLocated(BinaryWriter writer, LocatedValue value, string file)
    {
        writer.Write(value.Value);
        WriteLocation(writer, value.Where, file);
    }

    private static LocatedValue ReadLocated(BinaryReader reader, string file) => new(reader.ReadString(), ReadLocation(reader, file));

    private static void WriteOptionalLocated(BinaryWriter writer, LocatedValue? value, string file)
    {
        writer.Write(value is not null);
        if (value is not null) WriteLocated(writer, value, file);
    }

    private static LocatedValue? ReadOptionalLocated(BinaryReader reader, string file) => reader.ReadBoolean() ? ReadLocated(reader, file) : null;

    /// <summary>A location, its path left out when it is <paramref name="file"/>, the file the entry is for.</summary>
    private static void WriteLocation(BinaryWriter writer, SourceLocation location, string file)
    {
        var elsewhere = !string.Equals(location.File, file, StringComparison.Ordinal);
        writer.Write(elsewhere);
        if (elsewhere) writer.Write(location.File);
        writer.Write(location.Line);
        writer.Write(location.Column);
    }

    private static SourceLocation ReadLocation(BinaryReader reader, string file) =>
        new(reader.ReadBoolean() ? reader.ReadString() : file, reader.ReadInt32(), reader.ReadInt32());

    private static DateTimeOffset? Moment(long utcTicks) => utcTicks == 0 ? null : new DateTimeOffset(utcTicks, TimeSpan.Zero);

    private static void WriteNullable(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null) writer.Write(value);
    }

    private static string? ReadNullable(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}

/// <summary>What the cache keeps of one file.</summary>
public sealed record CacheEntry(byte[] ContentHash, IReadOnlyList<Finding> Findings, AdvisorySummary Summary)
{
    /// <summary>The file's settled stamp when the entry was stored or last confirmed by its hash; null when none was settled.</summary>
    public FileStamp? Stamp { get; init; }

    /// <summary>Whether the results depend on the clock and could be different at <paramref name="now"/>.</summary>
    public bool HasExpired(DateTimeOffset now) => Summary.ResultsExpireAt is { } expires && expires <= now;
}
