using System.Text;
using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Cli.Output;

/// <summary>
/// The last guard before the console: every line the command line prints passes through <see cref="Secrets.Redact"/>,
/// whatever code wrote it. Text is held until its line ends (or the writer is flushed), so that a secret written in
/// pieces is still seen whole.
/// </summary>
public sealed class RedactingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // TextWriter's setter takes null for "the default"; so does the inner writer.
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value)
    {
        _line.Append(value);
        if (value == '\n') Emit();
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        _line.Append(value);
        if (value.Contains('\n')) Emit();
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (buffer.IsEmpty) return;
        _line.Append(buffer);
        if (buffer.Contains('\n')) Emit();
    }

    public override void Flush()
    {
        Emit(all: true);
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Flush();
        base.Dispose(disposing);
    }

    /// <summary>Writes the complete lines held (all of the text, on a flush), redacted.</summary>
    private void Emit(bool all = false)
    {
        // Without a secret to hide, whole lines go out as they are, without a copy: a repeat validation prints 155,000
        // findings.
        if (!Secrets.Any && _line.Length > 0 && (all || _line[^1] == '\n'))
        {
            foreach (var chunk in _line.GetChunks()) inner.Write(chunk.Span);
            _line.Clear();
            return;
        }
        var text = _line.ToString();
        var end = all ? text.Length : text.LastIndexOf('\n') + 1;
        if (end == 0) return;
        inner.Write(Secrets.Redact(text[..end]));
        _line.Remove(0, end);
    }
}
