using System.Runtime.InteropServices;

namespace AdvisoryPipeline.FileSystem;

/// <summary>What a path names, without following a symbolic link at its end and without opening it.</summary>
public enum FileKind
{
    Missing,
    RegularFile,
    Directory,
    SymbolicLink,

    /// <summary>A FIFO, a device or a socket: opening one can block forever or read without end.</summary>
    Special,
}

/// <summary>
/// Classifies a path the way <c>lstat</c> does. .NET reports a FIFO, a device and a socket as ordinary files, and
/// opening a FIFO blocks until someone writes to it, so the type is read with <c>statx</c> on Linux (whose result
/// has the same layout on every architecture). Elsewhere, only links, folders and files are told apart.
/// </summary>
public static partial class FileKinds
{
    public static FileKind Of(string path) => Status(path).Kind;

    /// <summary>
    /// What <paramref name="path"/> names (as <see cref="Of"/>), and, on Linux, the stamp of a regular file, read by the
    /// same system call; elsewhere the stamp is null and callers fall back to reading the content.
    /// </summary>
    public static (FileKind Kind, FileStamp? Stamp) Status(string path)
    {
        if (OperatingSystem.IsLinux() && TryStatx(path) is { } status) return status;
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) return (FileKind.SymbolicLink, null);
        if (Directory.Exists(path)) return (FileKind.Directory, null);
        return (info.Exists ? FileKind.RegularFile : FileKind.Missing, null);
    }

    /// <summary>What <paramref name="path"/> names after following every symbolic link, or <see cref="FileKind.Missing"/>.</summary>
    public static FileKind OfTarget(string path)
    {
        var kind = Of(path);
        if (kind != FileKind.SymbolicLink) return kind;
        try
        {
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is { } target ? Of(target.FullName) : FileKind.Missing;
        }
        catch (IOException)
        {
            // A loop of links, or one too deep to follow.
            return FileKind.Missing;
        }
    }

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    // STATX_TYPE | STATX_MTIME | STATX_CTIME | STATX_INO | STATX_SIZE
    private const uint StatxWanted = 0x1 | 0x40 | 0x80 | 0x100 | 0x200;
    private const uint StatxStamp = 0x40 | 0x80 | 0x100 | 0x200;

    private static (FileKind, FileStamp?)? TryStatx(string path)
    {
        Span<byte> buffer = stackalloc byte[256];
        int result;
        try
        {
            result = Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxWanted, ref MemoryMarshal.GetReference(buffer));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        if (result != 0) return Marshal.GetLastPInvokeError() == 2 /* ENOENT */ ? (FileKind.Missing, null) : null;
        // struct statx (the same on every architecture): stx_mask u32 at 0, stx_mode u16 at 28, stx_ino u64 at 32,
        // stx_size u64 at 40, stx_ctime at 96 and stx_mtime at 112 (i64 seconds, u32 nanoseconds), stx_dev_major and
        // stx_dev_minor u32 at 136 and 140.
        var mode = BitConverter.ToUInt16(buffer[28..30]) & 0xF000;
        var kind = mode switch
        {
            0x8000 => FileKind.RegularFile,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            _ => FileKind.Special,
        };
        var mask = BitConverter.ToUInt32(buffer[..4]);
        if (kind != FileKind.RegularFile || (mask & StatxStamp) != StatxStamp) return (kind, null);
        var stamp = new FileStamp(
            Device: ((ulong)BitConverter.ToUInt32(buffer[136..140]) << 32) | BitConverter.ToUInt32(buffer[140..144]),
            Inode: BitConverter.ToUInt64(buffer[32..40]),
            Size: BitConverter.ToInt64(buffer[40..48]),
            ModifiedNanoseconds: Nanoseconds(buffer[112..128]),
            ChangedNanoseconds: Nanoseconds(buffer[96..112]));
        return (kind, stamp);
    }

    private static long Nanoseconds(ReadOnlySpan<byte> timestamp) =>
        BitConverter.ToInt64(timestamp[..8]) * 1_000_000_000 + BitConverter.ToUInt32(timestamp[8..12]);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, ref byte buffer);
}
