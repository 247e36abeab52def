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
    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsLinux() && TryStatx(path) is { } kind) return kind;
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) return FileKind.SymbolicLink;
        if (Directory.Exists(path)) return FileKind.Directory;
        return info.Exists ? FileKind.RegularFile : FileKind.Missing;
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
    private const uint StatxType = 0x1;

    private static FileKind? TryStatx(string path)
    {
        Span<byte> buffer = stackalloc byte[256];
        int result;
        try
        {
            result = Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, ref MemoryMarshal.GetReference(buffer));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        if (result != 0) return Marshal.GetLastPInvokeError() == 2 /* ENOENT */ ? FileKind.Missing : null;
        // struct statx: stx_mode is the unsigned 16-bit field at offset 28.
        var mode = BitConverter.ToUInt16(buffer[28..30]) & 0xF000;
        return mode switch
        {
            0x8000 => FileKind.RegularFile,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            _ => FileKind.Special,
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, ref byte buffer);
}
