using System.Buffers;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AdvisoryPipeline.Loading.Yaml;

/// <summary>
/// Reads the block-style YAML that advisories are written in into exactly the events, values and marks that
/// YamlDotNet's parser produces for it, about five times faster and without YamlDotNet's process-wide lock
/// (its <c>Scalar</c> event interns every key with <c>string.IsInterned</c>). It knows a strict subset: one
/// document whose root is a block mapping; plain keys; block mappings and sequences; plain, single-quoted,
/// double-quoted, literal and folded scalars; comments. Anything else, and anything it is not sure about (a
/// tab, a carriage return, a flow collection, an anchor, a tag, a key or value that YAML could read as
/// something else, a syntax error), makes it give up, and <see cref="YamlEventLog"/> asks YamlDotNet, which
/// stays the reference: the differential and fuzz tests prove both give the same events on every input this
/// reads. The one difference: <see cref="Scalar.IsKey"/> is never set, because setting it makes YamlDotNet intern
/// the key under a lock of the whole process, and no reader of these events looks at it.
/// </summary>
internal sealed class BlockYamlParser
{
    // Characters that start something other than a plain scalar (or a plain scalar YamlDotNet reads in a way
    // this parser does not follow): the value is left to YamlDotNet.
    private static readonly SearchValues<char> Indicators = SearchValues.Create("-?:,[]{}#&*!|>'\"%@`");

    private static readonly SearchValues<char> KeyCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-/@$+ ");

    private static readonly SearchValues<char> PlainStops = SearchValues.Create(":#\n");

    private const int MaxKeyLength = 256;

    // Most keys repeat from file to file (id, affected, package, ecosystem, ...): one string each per thread.
    [ThreadStatic] private static Dictionary<string, string>? t_keys;
    private const int MaxKeptKeys = 1024;

    private readonly string _text;
    private readonly List<ParsingEvent> _events;
    private readonly int _maxDepth;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _keys;
    private StringBuilder? _builder;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _depth;

    private BlockYamlParser(string text, int maxDepth)
    {
        _text = text;
        _maxDepth = maxDepth;
        _events = new List<ParsingEvent>(Math.Max(16, text.Length / 16));
        _keys = (t_keys ??= new Dictionary<string, string>(StringComparer.Ordinal)).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The parser events of <paramref name="text"/>, or null when it is not in the subset this parser reads.</summary>
    public static List<ParsingEvent>? TryRead(string text, int maxDepth)
    {
        if (!InAlphabet(text)) return null;
        var parser = new BlockYamlParser(text, maxDepth);
        try
        {
            parser.ReadStream();
            return parser._events;
        }
        catch (OutsideSubset)
        {
            return null;
        }
    }

    /// <summary>
    /// Only printable characters, no tab and no carriage return, no directive or document marker at the start
    /// of a line: everything the parser below would otherwise have to check at every step.
    /// </summary>
    private static bool InAlphabet(string text)
    {
        var span = text.AsSpan();
        for (var i = span.IndexOfAnyExceptInRange(' ', '~'); i >= 0;)
        {
            var c = span[i];
            if (c == '\n') { }
            else if (c < 0xA0 || c == '\uFEFF' || c > '\uFFFD') return false;
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= span.Length || !char.IsLowSurrogate(span[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(c)) return false;
            var next = span[(i + 1)..].IndexOfAnyExceptInRange(' ', '~');
            i = next < 0 ? -1 : i + 1 + next;
        }
        for (var start = 0; start < span.Length;)
        {
            if (IsDocumentMarker(span, start) || span[start] == '%') return false;
            var end = span[start..].IndexOf('\n');
            if (end < 0) break;
            start += end + 1;
        }
        return true;
    }

    private static bool IsDocumentMarker(ReadOnlySpan<char> text, int at) =>
        at + 3 <= text.Length
        && (text.Slice(at, 3) is "---" or "...")
        && (at + 3 == text.Length || text[at + 3] is ' ' or '\n');

    private void ReadStream()
    {
        _events.Add(new StreamStart(Here(), Here()));
        SkipToContent();
        if (_pos >= _text.Length || Column != 1) Give();
        var start = Here();
        _events.Add(new DocumentStart(null, null, isImplicit: true, start, start));
        ReadMapping();
        if (_pos < _text.Length) Give(); // something less indented than the root
        var end = EndOfText();
        _events.Add(new DocumentEnd(isImplicit: true, end, end));
        _events.Add(new StreamEnd(end, end));
    }

    /// <summary>A block mapping whose first key is at <see cref="_pos"/>; its column is the mapping's indentation.</summary>
    private void ReadMapping()
    {
        Enter();
        var indent = Column;
        var start = Here();
        _events.Add(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, start, start));
        while (true)
        {
            ReadKey();
            ReadMappingValue(indent);
            if (_pos >= _text.Length) break;
            var column = Column;
            if (column < indent) break;
            if (column > indent || IsSequenceEntry(_pos)) Give();
        }
        var end = _pos >= _text.Length ? EndOfText(indent) : Here();
        _events.Add(new MappingEnd(end, end));
        _depth--;
    }

    /// <summary>A plain key of ordinary characters and its ':' on the same line; leaves <see cref="_pos"/> after the ':'.</summary>
    private void ReadKey()
    {
        var colon = KeyColon(_pos);
        if (colon < 0) Give();
        var end = colon;
        while (_text[end - 1] == ' ') end--;
        var start = Here();
        // isKey stays false: YamlDotNet's Scalar constructor then skips string.IsInterned, a lock of the whole process,
        // and nothing reads IsKey (the converter knows keys by their place; KeyString shares the strings instead).
        _events.Add(new Scalar(AnchorName.Empty, TagName.Empty, KeyString(_text.AsSpan(_pos, end - _pos)), ScalarStyle.Plain,
            true, false, start, MarkAt(end), isKey: false));
        _pos = colon + 1;
    }

    /// <summary>Where the ':' of a key that starts at <paramref name="at"/> is, or -1 when the line holds no plain key this parser reads.</summary>
    private int KeyColon(int at)
    {
        var c = _text[at];
        if (!char.IsAsciiLetterOrDigit(c) && c is not '_' and not '$') return -1;
        var length = _text.AsSpan(at, Math.Min(MaxKeyLength, _text.Length - at)).IndexOfAnyExcept(KeyCharacters);
        if (length < 0) return -1;
        var colon = at + length;
        if (_text[colon] != ':' || (colon + 1 < _text.Length && _text[colon + 1] is not (' ' or '\n'))) return -1;
        // "a #b: c" would be the key "a" ended by a comment.
        return _text.AsSpan(at, length).Contains(" #", StringComparison.Ordinal) ? -1 : colon;
    }

    private void ReadMappingValue(int indent)
    {
        var afterColon = Here();
        SkipSpaces();
        if (AtLineEnd() || _text[_pos] == '#')
        {
            // The value is on the lines below, or empty.
            SkipToContent();
            if (_pos < _text.Length)
            {
                var column = Column;
                if (column > indent)
                {
                    if (IsSequenceEntry(_pos)) ReadSequence(indentless: false);
                    else if (KeyColon(_pos) >= 0) ReadMapping();
                    else Give();
                    return;
                }
                if (column == indent && IsSequenceEntry(_pos))
                {
                    ReadSequence(indentless: true);
                    return;
                }
            }
            _events.Add(new Scalar(AnchorName.Empty, TagName.Empty, "", ScalarStyle.Plain, true, false, afterColon, afterColon));
            return;
        }
        ReadScalar(indent);
    }

    /// <summary>A block sequence whose first '-' is at <see cref="_pos"/>.</summary>
    private void ReadSequence(bool indentless)
    {
        Enter();
        var indent = Column;
        var start = Here();
        _events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block, start,
            indentless ? MarkAt(_pos + 1) : start));
        while (true)
        {
            _pos++; // the '-'
            if (AtLineEnd()) Give(); // the item is on the lines below, or empty
            SkipSpaces();
            if (AtLineEnd() || _text[_pos] == '#' || IsSequenceEntry(_pos)) Give();
            if (KeyColon(_pos) >= 0) ReadMapping();
            else ReadScalar(indent);

            if (_pos >= _text.Length) break;
            var column = Column;
            if (column == indent && IsSequenceEntry(_pos)) continue;
            if (column < indent || (indentless && column == indent)) break;
            Give();
        }
        var end = _pos >= _text.Length ? EndOfText(indent) : Here();
        _events.Add(new SequenceEnd(end, end));
        _depth--;
    }

    private bool IsSequenceEntry(int at) =>
        _text[at] == '-' && (at + 1 == _text.Length || _text[at + 1] is ' ' or '\n');

    /// <summary>A scalar value starting at <see cref="_pos"/>; afterwards <see cref="_pos"/> is at the next content line.</summary>
    private void ReadScalar(int indent)
    {
        switch (_text[_pos])
        {
            case '\'':
            case '"':
                ReadQuoted(indent);
                FinishLine();
                break;
            case '|':
            case '>':
                ReadBlockScalar(indent);
                break;
            default:
                if (Indicators.Contains(_text[_pos])) Give();
                ReadPlain(indent);
                FinishLine();
                break;
        }
    }

    /// <summary>
    /// A plain scalar, folded over the more indented lines that follow it. A ': ' or a comment on a continuation
    /// line, or a continuation that starts like something else, is left to YamlDotNet.
    /// </summary>
    private void ReadPlain(int indent)
    {
        var start = Here();
        var stop = PlainLineEnd(_pos);
        var contentEnd = TrimEnd(_pos, stop);
        StringBuilder? folded = null;
        // A comment ends the scalar; a line break may be folded into the more indented line that follows.
        while (stop < _text.Length && _text[stop] == '\n' && NextContinuation(stop, indent, out var breaks) is var next and >= 0)
        {
            folded ??= Builder().Append(_text, _pos, contentEnd - _pos);
            if (breaks == 0) folded.Append(' ');
            else folded.Append('\n', breaks);
            stop = PlainLineEnd(next);
            contentEnd = TrimEnd(next, stop);
            folded.Append(_text, next, contentEnd - next);
        }
        var value = folded?.ToString() ?? _text.Substring(_pos, contentEnd - _pos);
        _events.Add(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, true, false, start, MarkAt(contentEnd), isKey: false));
        _pos = contentEnd;
    }

    private int TrimEnd(int from, int end)
    {
        while (end > from && _text[end - 1] == ' ') end--;
        return end;
    }

    /// <summary>
    /// Where the plain text on the line from <paramref name="at"/> stops: at the line break, or at the '#' of a comment
    /// (a '#' after a space). A ':' followed by a space or the line end is a mapping value YAML would refuse here.
    /// </summary>
    private int PlainLineEnd(int at)
    {
        var i = at;
        while (true)
        {
            var next = _text.AsSpan(i).IndexOfAny(PlainStops);
            if (next < 0) return _text.Length;
            i += next;
            switch (_text[i])
            {
                case '\n':
                    return i;
                case '#':
                    if (_text[i - 1] == ' ') return i;
                    break;
                default: // ':'
                    if (i + 1 == _text.Length || _text[i + 1] is ' ' or '\n') Give();
                    break;
            }
            i++;
        }
    }

    /// <summary>
    /// The start of the text of the line that continues a plain scalar whose line ended at <paramref name="lineBreak"/>,
    /// with the empty lines before it (the current line moves there); -1 when the scalar ends at that line break.
    /// </summary>
    private int NextContinuation(int lineBreak, int indent, out int emptyLines)
    {
        emptyLines = 0;
        var lines = 0;
        var at = lineBreak;
        while (true)
        {
            var lineStart = at + 1;
            lines++;
            var first = lineStart;
            while (first < _text.Length && _text[first] == ' ') first++;
            if (first >= _text.Length) return -1;
            if (_text[first] == '\n')
            {
                emptyLines++;
                at = first;
                continue;
            }
            if (first - lineStart < indent) return -1; // less indented: the next entry
            if (Indicators.Contains(_text[first])) Give(); // a comment, or text that starts like another node
            _line += lines;
            _lineStart = lineStart;
            return first;
        }
    }

    /// <summary>A single- or double-quoted scalar, possibly over several lines.</summary>
    private void ReadQuoted(int indent)
    {
        var quote = _text[_pos];
        var start = Here();
        var contentStart = _pos + 1;
        var i = contentStart;
        StringBuilder? value = null;
        var trimFloor = 0; // escapes produce text that folding must not trim
        while (true)
        {
            if (i >= _text.Length) Give();
            var c = _text[i];
            if (c == quote)
            {
                if (quote == '\'' && i + 1 < _text.Length && _text[i + 1] == '\'')
                {
                    value ??= Builder().Append(_text, contentStart, i - contentStart);
                    value.Append('\'');
                    trimFloor = value.Length;
                    i += 2;
                    continue;
                }
                break;
            }
            if (c == '\\' && quote == '"')
            {
                value ??= Builder().Append(_text, contentStart, i - contentStart);
                i = Escape(i, value, indent);
                trimFloor = value.Length;
                continue;
            }
            if (c == '\n')
            {
                value ??= Builder().Append(_text, contentStart, i - contentStart);
                var end = value.Length;
                while (end > trimFloor && value[end - 1] == ' ') end--;
                value.Length = end;
                i = FoldBreaks(i, indent, out var breaks);
                if (breaks == 0) value.Append(' ');
                else value.Append('\n', breaks);
                continue;
            }
            // Plain text up to the next quote, backslash or line break, in one piece.
            var run = quote == '"' ? _text.AsSpan(i).IndexOfAny('"', '\\', '\n') : _text.AsSpan(i).IndexOfAny('\'', '\n');
            if (run < 0) Give();
            value?.Append(_text, i, run);
            i += run;
        }
        var text = value?.ToString() ?? _text.Substring(contentStart, i - contentStart);
        _pos = i + 1;
        _events.Add(new Scalar(AnchorName.Empty, TagName.Empty, text,
            quote == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted, false, true, start, Here(), isKey: false));
    }

    /// <summary>
    /// Skips the line break at <paramref name="lineBreak"/>, the empty lines after it and the indentation of the
    /// next line, which must be indented beyond <paramref name="indent"/>; returns where its text starts.
    /// </summary>
    private int FoldBreaks(int lineBreak, int indent, out int emptyLines)
    {
        emptyLines = 0;
        var at = lineBreak;
        while (true)
        {
            NewLine(at + 1);
            var first = at + 1;
            while (first < _text.Length && _text[first] == ' ') first++;
            if (first >= _text.Length) Give();
            if (_text[first] == '\n')
            {
                emptyLines++;
                at = first;
                continue;
            }
            if (first - _lineStart < indent) Give();
            return first;
        }
    }

    /// <summary>The escape at <paramref name="at"/> (a backslash) into <paramref name="value"/>; returns the index after it.</summary>
    private int Escape(int at, StringBuilder value, int indent)
    {
        if (at + 1 >= _text.Length) Give();
        var c = _text[at + 1];
        switch (c)
        {
            case '0': value.Append('\0'); break;
            case 'a': value.Append('\a'); break;
            case 'b': value.Append('\b'); break;
            case 't': value.Append('\t'); break;
            case 'n': value.Append('\n'); break;
            case 'v': value.Append('\v'); break;
            case 'f': value.Append('\f'); break;
            case 'r': value.Append('\r'); break;
            case 'e': value.Append('\x1B'); break;
            case ' ': value.Append(' '); break;
            case '"': value.Append('"'); break;
            case '/': value.Append('/'); break;
            case '\\': value.Append('\\'); break;
            case 'N': value.Append('\u0085'); break;
            case '_': value.Append('\u00A0'); break;
            case 'L': value.Append('\u2028'); break;
            case 'P': value.Append('\u2029'); break;
            case 'x': return HexEscape(at, 2, value);
            case 'u': return HexEscape(at, 4, value);
            case 'U': return HexEscape(at, 8, value);
            case '\n':
                // An escaped line break joins the lines without a space; empty lines after it are left to YamlDotNet.
                var next = FoldBreaks(at + 1, indent, out var emptyLines);
                if (emptyLines > 0) Give();
                return next;
            default:
                Give();
                break;
        }
        return at + 2;
    }

    private int HexEscape(int at, int digits, StringBuilder value)
    {
        // YamlDotNet refuses a surrogate or a value beyond Unicode with an exception, which YamlEventLog turns into YAML001.
        if (at + 2 + digits > _text.Length
            || !int.TryParse(_text.AsSpan(at + 2, digits), System.Globalization.NumberStyles.AllowHexSpecifier,
                System.Globalization.CultureInfo.InvariantCulture, out var code)
            || code < 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        {
            Give();
            return -1;
        }
        value.Append(char.ConvertFromUtf32(code));
        return at + 2 + digits;
    }

    /// <summary>
    /// A literal (|) or folded (&gt;) scalar with an optional chomping indicator, its indentation found from its first
    /// line. It ends at the start of the first line indented less, which is where YamlDotNet's mark ends it.
    /// </summary>
    private void ReadBlockScalar(int indent)
    {
        var start = Here();
        var literal = _text[_pos] == '|';
        _pos++;
        var chomping = _pos < _text.Length ? _text[_pos] : '\n';
        if (chomping is '-' or '+') _pos++;
        else chomping = ' ';
        var header = _pos;
        SkipSpaces();
        if (!AtLineEnd() && (_text[_pos] != '#' || _pos == header)) Give(); // an indentation indicator, or text after the header
        var lineBreak = _text.IndexOf('\n', _pos);
        if (lineBreak < 0) Give();

        // Leading empty lines, then the first line with text, which sets the indentation.
        var leading = 0;
        var at = lineBreak + 1;
        int contentIndent;
        while (true)
        {
            var first = at;
            while (first < _text.Length && _text[first] == ' ') first++;
            if (first >= _text.Length) Give();
            if (_text[first] == '\n')
            {
                leading++;
                at = first + 1;
                continue;
            }
            contentIndent = first - at;
            break;
        }
        if (contentIndent < indent) Give(); // an empty block scalar
        // Spaces on the leading empty lines beyond the indentation would be content.
        for (var line = lineBreak + 1; line < at; line = _text.IndexOf('\n', line) + 1)
            if (_text.IndexOf('\n', line) - line > contentIndent) Give();

        var value = Builder();
        value.Append('\n', leading);
        var lines = leading;
        var trailingBreaks = 0;
        var hasContent = false;
        while (true)
        {
            if (at >= _text.Length) break;
            var first = at;
            while (first < _text.Length && _text[first] == ' ') first++;
            if (first >= _text.Length)
            {
                if (first > at) Give(); // spaces without a line break at the end of the text
                break;
            }
            if (_text[first] == '\n')
            {
                if (first - at > contentIndent) Give(); // spaces beyond the indentation: content
                trailingBreaks++;
                lines++;
                at = first + 1;
                continue;
            }
            if (first - at < contentIndent) break;
            var lineEnd = _text.IndexOf('\n', first);
            if (lineEnd < 0) Give(); // the last line has no line break: chomping would differ
            var moreIndented = first - at > contentIndent;
            if (!literal && moreIndented) Give();
            if (hasContent)
            {
                if (literal) value.Append('\n', trailingBreaks + 1);
                else if (trailingBreaks == 0) value.Append(' ');
                else value.Append('\n', trailingBreaks);
            }
            value.Append(_text, at + contentIndent, lineEnd - at - contentIndent);
            hasContent = true;
            trailingBreaks = 0;
            lines++;
            at = lineEnd + 1;
        }
        switch (chomping)
        {
            case '+': value.Append('\n', trailingBreaks + 1); break;
            case ' ': value.Append('\n'); break;
        }
        // The scalar ends at the start of the line that ends it (or at the end of the text).
        NewLine(lineBreak + 1);
        _line += lines;
        _lineStart = at;
        _pos = at;
        var end = _pos >= _text.Length ? EndOfText() : Here();
        _events.Add(new Scalar(AnchorName.Empty, TagName.Empty, value.ToString(), literal ? ScalarStyle.Literal : ScalarStyle.Folded,
            false, true, start, end, isKey: false));
        SkipToContent();
    }

    /// <summary>After a value: nothing but spaces and a comment may follow on its line; then to the next content line.</summary>
    private void FinishLine()
    {
        var before = _pos;
        SkipSpaces();
        if (!AtLineEnd())
        {
            if (_text[_pos] != '#' || _pos == before) Give();
        }
        SkipToContent();
    }

    /// <summary>
    /// Moves past the rest of the current line (a comment at most), empty lines and comment lines, to the first
    /// character of the next line with content, or to the end of the text.
    /// </summary>
    private void SkipToContent()
    {
        while (true)
        {
            SkipSpaces();
            if (_pos >= _text.Length) return;
            var c = _text[_pos];
            if (c == '#')
            {
                var lineBreak = _text.IndexOf('\n', _pos);
                if (lineBreak < 0)
                {
                    _pos = _text.Length;
                    return;
                }
                _pos = lineBreak;
                c = '\n';
            }
            if (c != '\n') return;
            NewLine(_pos + 1);
            _pos = _lineStart;
        }
    }

    private void SkipSpaces()
    {
        while (_pos < _text.Length && _text[_pos] == ' ') _pos++;
    }

    private bool AtLineEnd() => _pos >= _text.Length || _text[_pos] == '\n';

    private void NewLine(int lineStart)
    {
        _line++;
        _lineStart = lineStart;
    }

    private void Enter()
    {
        if (++_depth > _maxDepth) Give(); // YamlDotNet's path reports the depth
    }

    private int Column => _pos - _lineStart + 1;

    private Mark Here() => new(_pos, _line, _pos - _lineStart + 1);

    private Mark MarkAt(int index) => new(index, _line, index - _lineStart + 1);

    /// <summary>
    /// Where a collection at <paramref name="column"/> (1 for the document) ends at the end of the text. YamlDotNet
    /// first closes the collections indented beyond the last line's length, there; then it ends the text as if a
    /// line break followed, and closes the rest at the next line's first column.
    /// </summary>
    private Mark EndOfText(int column = 1)
    {
        var offset = _text.Length - _lineStart;
        if (offset == 0) return new Mark(_text.Length, _line, 1);
        return column - 1 > offset ? new Mark(_text.Length, _line, offset + 1) : new Mark(_text.Length, _line + 1, 1);
    }

    private string KeyString(ReadOnlySpan<char> key)
    {
        if (_keys.TryGetValue(key, out var known)) return known;
        var text = key.ToString();
        if (_keys.Dictionary.Count < MaxKeptKeys) _keys.Dictionary[text] = text;
        return text;
    }

    private StringBuilder Builder()
    {
        _builder ??= new StringBuilder(256);
        _builder.Clear();
        return _builder;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Give() => throw OutsideSubset.Instance;

    /// <summary>The text is not in the subset: YamlDotNet reads it instead.</summary>
    private sealed class OutsideSubset : Exception
    {
        public static readonly OutsideSubset Instance = new();
    }
}
