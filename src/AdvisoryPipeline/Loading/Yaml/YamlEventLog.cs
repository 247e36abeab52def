using System.Runtime.InteropServices;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AdvisoryPipeline.Loading.Yaml;

/// <summary>Which parser reads YAML: the fastest that reads the text, or YamlDotNet, the reference, always.</summary>
internal enum YamlParserChoice : byte
{
    Fastest,
    YamlDotNetOnly,
}

/// <summary>A YAML syntax error: the message to show, where it is, and how to mend it when that is known.</summary>
internal readonly record struct YamlSyntaxError(string Message, Mark Position, string? Hint = null);

/// <summary>
/// The parser events of one YAML text, read in full before they are converted, and the syntax error that
/// ended them, if any. Reading is split from conversion so that a validation run can keep YamlDotNet's parser
/// on one thread (see <see cref="Validation.ParseAheadPipeline{TParsed}"/> for why).
/// </summary>
internal sealed class YamlEventLog
{
    private readonly List<ParsingEvent> _events;

    private YamlEventLog(List<ParsingEvent> events, YamlSyntaxError? syntaxError, bool readByYamlDotNet = true)
    {
        _events = events;
        SyntaxError = syntaxError;
        ReadByYamlDotNet = readByYamlDotNet;
    }

    public ReadOnlySpan<ParsingEvent> Events => CollectionsMarshal.AsSpan(_events);

    /// <summary>The error that stopped the parser after <see cref="Events"/>; null when it read to the end or stopped early on purpose.</summary>
    public YamlSyntaxError? SyntaxError { get; }

    /// <summary>Whether YamlDotNet's parser read the text, rather than <see cref="BlockYamlParser"/>.</summary>
    public bool ReadByYamlDotNet { get; }

    /// <summary>
    /// Reads the events of <paramref name="text"/>. Reading stops after an event that ends every conversion (a
    /// second document, or a collection nested deeper than <paramref name="maxDepth"/>), so that the converter
    /// never misses an event it would use, and the parser, whose time grows quadratically with the depth of flow
    /// collections, never reads on through a file built to keep it busy.
    /// </summary>
    /// <remarks>
    /// <see cref="BlockYamlParser"/> reads the block-style YAML of nearly every advisory, with the same events as
    /// YamlDotNet; YamlDotNet reads the rest, and every file when <paramref name="choice"/> says so.
    /// </remarks>
    public static YamlEventLog Read(string text, int maxDepth, YamlParserChoice choice = YamlParserChoice.Fastest)
    {
        if (choice == YamlParserChoice.Fastest && BlockYamlParser.TryRead(text, maxDepth) is { } blockEvents)
            return new YamlEventLog(blockEvents, null, readByYamlDotNet: false);
        // About one event per 25 characters in real advisories; growing the list costs more than a generous start.
        var events = new List<ParsingEvent>(Math.Max(16, text.Length / 16));
        var scanner = new Scanner(new StringReader(text));
        var parser = new Parser(scanner);
        var depth = 0;
        var documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                events.Add(e);
                if (e is MappingStart or SequenceStart)
                {
                    if (++depth > maxDepth) break;
                }
                else if (e is MappingEnd or SequenceEnd)
                {
                    depth--;
                }
                else if (e is DocumentStart && ++documents > 1)
                {
                    break;
                }
            }
        }
        catch (YamlException ex) when (ex.Message.Contains(" tab", StringComparison.Ordinal) && TabIndentation(text, ex.Start) is { } tab)
        {
            // YamlDotNet reports a tab in indentation at the start of the enclosing mapping, often line 1: the
            // author needs the line of the tab itself.
            return new YamlEventLog(events, new YamlSyntaxError("a tab is used for indentation, which YAML does not allow", tab,
                "indent with spaces only"));
        }
        catch (YamlException ex)
        {
            return new YamlEventLog(events, new YamlSyntaxError(CleanMessage(ex.Message), ex.Start));
        }
        catch (ArgumentException)
        {
            // YamlDotNet turns escapes into characters with char.ConvertToUtf32/ConvertFromUtf32, which throw for a
            // lone surrogate ("\ud800A", "\ud800\ud800") or a value beyond Unicode ("\UFFFFFFFF").
            return new YamlEventLog(events, new YamlSyntaxError(
                "an escape in a quoted string is not a Unicode character (a lone surrogate half, or beyond U+10FFFF)",
                scanner.CurrentPosition,
                "write the character itself, or a valid escape: \\uXXXX for U+0000 to U+FFFF, \\UXXXXXXXX above"));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed flow collections (found by fuzzing the
            // corpus) instead of raising a YamlException; it is still bad input, located where scanning stopped.
            return new YamlEventLog(events, new YamlSyntaxError(
                "invalid YAML: the parser cannot continue here (check brackets, quotes and ':' in flow collections)",
                scanner.CurrentPosition));
        }
        return new YamlEventLog(events, null);
    }

    /// <summary>The first tab in the indentation of a line at or after <paramref name="from"/>, or null when there is none.</summary>
    private static Mark? TabIndentation(string text, Mark from)
    {
        var line = 1;
        for (var start = 0; start < text.Length; line++)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            if (line >= from.Line)
            {
                for (var i = start; i < end && text[i] is ' ' or '\t'; i++)
                    if (text[i] == '\t') return new Mark(i, line, i - start + 1);
            }
            start = end + 1;
        }
        return null;
    }

    /// <summary>YamlDotNet's messages without the position prefix it sometimes adds (the finding has the position).</summary>
    private static string CleanMessage(string message)
    {
        var text = message.Trim();
        if (text.StartsWith("(Line:", StringComparison.Ordinal))
        {
            var colon = text.IndexOf("): ", StringComparison.Ordinal);
            if (colon > 0) text = text[(colon + 3)..];
        }
        text = text.TrimEnd('.');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : "YAML syntax error";
    }
}
