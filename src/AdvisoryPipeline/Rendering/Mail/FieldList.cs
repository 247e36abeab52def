namespace AdvisoryPipeline.Rendering.Mail;

/// <summary>
/// "Label: value" lines with the values aligned in one column and wrapped under themselves:
/// <code>
/// Aliases:    CVE-2026-41093, GHSA-xhwf-mmjx-4g4r
/// Severity:   High 7.5, CVSS v3.1:
///             CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H
/// </code>
/// </summary>
internal sealed class FieldList
{
    private readonly List<(string Label, string Value)> fields = [];

    public void Add(string label, string? value)
    {
        if (!string.IsNullOrEmpty(value)) fields.Add((label, value));
    }

    public void Add(string label, IEnumerable<string> values)
    {
        var first = true;
        foreach (var value in values)
        {
            fields.Add((first ? label : "", value));
            first = false;
        }
    }

    public IReadOnlyList<string> Lines(int width, string indent = "")
    {
        if (fields.Count == 0) return [];
        var column = fields.Max(f => f.Label.Length) + 3;
        var hanging = indent + new string(' ', column);
        var lines = new List<string>();
        foreach (var (label, value) in fields)
        {
            var labelled = label.Length == 0 ? hanging : indent + (label + ":").PadRight(column);
            // A single word (a URL) too long for the value column goes on its own line under its label.
            if (label.Length > 0 && !value.Contains(' ') && labelled.Length + PlainTextWrapper.Width(value) > width)
                lines.AddRange([indent + label + ":", indent + "  " + value]);
            else
                lines.AddRange(PlainTextWrapper.Wrap(value, width, labelled, hanging));
        }
        return lines;
    }
}
