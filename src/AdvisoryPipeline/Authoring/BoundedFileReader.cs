using System.Buffers;
using AdvisoryPipeline.Diagnostics;
using Microsoft.Win32.SafeHandles;

namespace AdvisoryPipeline.Authoring;

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
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            var declared = RandomAccess.GetLength(handle);
            if (declared > maxBytes) return TooLarge(path, maxBytes, declared);

            buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared, maxBytes) + 1);
            var length = ReadUpTo(handle, ref buffer, maxBytes + 1);
            if (length > maxBytes)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return TooLarge(path, maxBytes, null);
            }
            return new BoundedFileReader(buffer, length, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
            return new BoundedFileReader(null, 0, new Finding(LoadFindingCodes.Unreadable, FindingLevel.Error,
                $"cannot read the file: {ex.Message}", SourceLocation.WholeFile(path)));
        }
    }

    public void Dispose()
    {
        if (_buffer is not null) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
    }

    /// <summary>Reads until <paramref name="limit"/> bytes or the end of the file, growing the buffer if the file grew.</summary>
    private static int ReadUpTo(SafeFileHandle handle, ref byte[] buffer, int limit)
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
            var read = RandomAccess.Read(handle, buffer.AsSpan(total, Math.Min(buffer.Length, limit) - total), total);
            if (read == 0) break;
            total += read;
        }
        return total;
    }

    private static BoundedFileReader TooLarge(string path, int maxBytes, long? size) =>
        new(null, 0, new Finding(LoadFindingCodes.TooLarge, FindingLevel.Error,
            size is { } known
                ? $"the file is {known} bytes, more than the limit of {maxBytes} bytes"
                : $"the file is larger than the limit of {maxBytes} bytes",
            SourceLocation.WholeFile(path), "split the advisory, or move large text to a referenced page"));
}
