using System.Buffers;
using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Loading;

/// <summary>
/// Reads a file into a pooled buffer, never more than the limit plus one byte, so that a huge or endless
/// file (a device, a file still growing) costs nothing.
/// </summary>
internal sealed class BoundedFileReader : IDisposable
{
    private byte[]? _buffer;

    private BoundedFileReader(byte[]? buffer, int length, Finding? problem)
    {
        _buffer = buffer;
        Length = length;
        Problem = problem;
    }

    public int Length { get; }

    public Finding? Problem { get; }

    public ReadOnlySpan<byte> Content => _buffer is null ? default : _buffer.AsSpan(0, Length);

    public static BoundedFileReader Read(string path, int maxBytes)
    {
        byte[]? buffer = null;
        try
        {
            using var stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                // Sharing writes spares the advisory lock .NET takes otherwise: one system call per file fewer.
                Share = FileShare.ReadWrite,
                // No SequentialScan: its posix_fadvise is one more system call per file, and advisories are read in one go.
                Options = FileOptions.None,
                BufferSize = 0, // the bytes go straight into our buffer
            });
            // A pipe has no length; a regular file bigger than the limit is refused unread.
            var declared = stream.CanSeek ? stream.Length : 0;
            if (declared > maxBytes) return TooLarge(path, maxBytes, declared);

            buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared, maxBytes) + 1);
            var length = ReadUpTo(stream, ref buffer, maxBytes + 1);
            if (length > maxBytes)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return TooLarge(path, maxBytes, null);
            }
            return new BoundedFileReader(buffer, length, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
            // Checked only here: a stat per file costs time on every run, and folders are rare.
            return Unreadable(path, Directory.Exists(path) ? "it is a folder, not a file" : ex.Message);
        }
    }

    public void Dispose()
    {
        if (_buffer is not null) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
    }

    /// <summary>Reads until <paramref name="limit"/> bytes or the end, growing the buffer when the file is longer than it said.</summary>
    private static int ReadUpTo(Stream stream, ref byte[] buffer, int limit)
    {
        var total = 0;
        while (total < limit)
        {
            if (total == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Min(limit, buffer.Length * 2));
                buffer.AsSpan(0, total).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
            var read = stream.Read(buffer.AsSpan(total, Math.Min(buffer.Length, limit) - total));
            if (read == 0) break;
            total += read;
        }
        return total;
    }

    private static BoundedFileReader Unreadable(string path, string reason) =>
        new(null, 0, new Finding(LoadFindingCodes.Unreadable, FindingLevel.Error,
            $"cannot read the file: {reason}", SourceLocation.WholeFile(path)));

    private static BoundedFileReader TooLarge(string path, int maxBytes, long? size) =>
        new(null, 0, new Finding(LoadFindingCodes.TooLarge, FindingLevel.Error,
            size is { } known
                ? $"the file is {known} bytes, more than the limit of {maxBytes} bytes"
                : $"the file is larger than the limit of {maxBytes} bytes",
            SourceLocation.WholeFile(path), "split the advisory, or move large text to a referenced page"));
}
