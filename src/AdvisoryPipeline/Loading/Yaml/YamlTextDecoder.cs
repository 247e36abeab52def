using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;
using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Loading.Yaml;

/// <summary>
/// Decodes a YAML file's bytes, which must be UTF-8 (a UTF-8 byte order mark is allowed and dropped).
/// UTF-16 and UTF-32 are refused rather than guessed: YAML allows them, but every tool downstream of an
/// advisory (git diffs, OSV consumers) expects UTF-8.
/// </summary>
internal static class YamlTextDecoder
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static bool TryDecode(string path, ReadOnlySpan<byte> bytes, out string text, out bool hasByteOrderMark, out Finding? problem)
    {
        text = "";
        problem = null;
        hasByteOrderMark = bytes.StartsWith(Utf8Bom);
        var content = bytes;
        // Editors that add a mark to text that already has one leave several; every one of them is a mark, not text.
        var marks = 0;
        for (; content.StartsWith(Utf8Bom); marks++) content = content[Utf8Bom.Length..];

        if (!hasByteOrderMark && WideEncoding(bytes) is { } encoding)
        {
            problem = new Finding(LoadFindingCodes.Encoding, FindingLevel.Error,
                $"the file is encoded as {encoding}, but advisories must be UTF-8",
                SourceLocation.WholeFile(path), "save the file as UTF-8");
            return false;
        }

        if (Utf8.IsValid(content))
        {
            text = Encoding.UTF8.GetString(content);
            return true;
        }

        var offset = FirstInvalidByte(content);
        var (line, column) = LineAndColumn(content[..offset]);
        var fileOffset = offset + marks * Utf8Bom.Length;
        problem = new Finding(LoadFindingCodes.Encoding, FindingLevel.Error,
            $"invalid UTF-8 at byte offset {fileOffset} (byte 0x{content[offset]:X2})",
            new SourceLocation(path, line, column),
            "save the file as UTF-8; the text near this place was written in another encoding");
        return false;
    }

    /// <summary>UTF-16/32 by byte order mark, or by the zero bytes that ASCII text has in them (YAML 1.2, section 5.2).</summary>
    private static string? WideEncoding(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 4)
        {
            var first4 = BinaryPrimitives.ReadUInt32BigEndian(bytes);
            if (first4 == 0x0000FEFF || (bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0)) return "UTF-32BE";
            if (first4 == 0xFFFE0000 || (bytes[1] == 0 && bytes[2] == 0 && bytes[3] == 0)) return "UTF-32LE";
        }
        if (bytes.Length >= 2)
        {
            if ((bytes[0] == 0xFE && bytes[1] == 0xFF) || bytes[0] == 0) return "UTF-16BE";
            if ((bytes[0] == 0xFF && bytes[1] == 0xFE) || bytes[1] == 0) return "UTF-16LE";
        }
        return null;
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> content)
    {
        var chars = ArrayPool<char>.Shared.Rent(content.Length);
        try
        {
            Utf8.ToUtf16(content, chars, out var bytesRead, out _, replaceInvalidSequences: false);
            return bytesRead;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>1-based line and column (in characters) of the end of <paramref name="before"/>, which is valid UTF-8.</summary>
    private static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> before)
    {
        var line = 1 + before.Count((byte)'\n');
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }
}
