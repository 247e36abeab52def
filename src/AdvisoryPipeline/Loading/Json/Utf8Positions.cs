namespace AdvisoryPipeline.Loading.Json;

/// <summary>
/// Turns byte offsets of a UTF-8 text into what findings and source maps use: the offset in the decoded text
/// (UTF-16 code units), the 1-based line and the 1-based column in characters. Offsets are asked for in increasing
/// order while a file is read, so each byte is looked at once; an earlier offset starts over from the beginning.
/// </summary>
internal sealed class Utf8Positions
{
    private long _byte;
    private int _char;
    private int _line = 1;
    private int _column = 1;

    public (int Offset, int Line, int Column) At(ReadOnlySpan<byte> utf8, long byteOffset)
    {
        MoveTo(utf8, byteOffset);
        return (_char, _line, _column);
    }

    public int CharOffset(ReadOnlySpan<byte> utf8, long byteOffset)
    {
        MoveTo(utf8, byteOffset);
        return _char;
    }

    private void MoveTo(ReadOnlySpan<byte> utf8, long byteOffset)
    {
        if (byteOffset < _byte)
        {
            _byte = 0;
            _char = 0;
            _line = 1;
            _column = 1;
        }
        var target = (int)Math.Min(byteOffset, utf8.Length);
        for (var i = (int)_byte; i < target; i++)
        {
            var b = utf8[i];
            if (b == (byte)'\n')
            {
                _char++;
                _line++;
                _column = 1;
            }
            else if ((b & 0xC0) != 0x80)
            {
                // A lead byte: one character, two UTF-16 code units from a four-byte sequence on.
                var units = b >= 0xF0 ? 2 : 1;
                _char += units;
                _column += units;
            }
        }
        _byte = target;
    }
}
