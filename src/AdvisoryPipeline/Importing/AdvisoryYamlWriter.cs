using System.Text;
using System.Text.Json;
using AdvisoryPipeline.Editing;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Importing;

/// <summary>
/// An imported record as an advisory file in the house style, ready for span edits: keys in OSV order, the
/// <c>pipeline:</c> block last, block lists, versions and timestamps double-quoted, multi-line text as literal
/// blocks, other strings plain where that is safe (<see cref="YamlScalarText"/>). The output is <c>advisory fix</c>-clean.
/// </summary>
public static class AdvisoryYamlWriter
{
    public static string Write(OsvRecord record, AuthoringBlock authoring, string? schemaReference)
    {
        var text = new StringBuilder();
        if (schemaReference is not null) text.Append("# yaml-language-server: $schema=").Append(schemaReference).Append('\n');
        text.Append("schema_version: ").Append(Quoted(record.SchemaVersion ?? Lifecycle.NewAdvisoryTemplate.SchemaVersion)).Append('\n');
        text.Append("id: ").Append(Plain(record.Id)).Append('\n');
        if (record.Modified is { } modified) text.Append("modified: ").Append(Quoted(modified)).Append('\n');
        if (record.Published is { } published) text.Append("published: ").Append(Quoted(published)).Append('\n');
        if (record.Withdrawn is { } withdrawn) text.Append("withdrawn: ").Append(Quoted(withdrawn)).Append('\n');
        List("aliases", record.Aliases);
        List("upstream", record.Upstream);
        List("related", record.Related);
        if (record.Summary is { } summary) text.Append("summary: ").Append(Text(summary, 2)).Append('\n');
        if (record.Details is { } details) text.Append("details: ").Append(Text(details, 2)).Append('\n');
        if (record.Severity is { Count: > 0 } severity)
        {
            text.Append("severity:\n");
            foreach (var s in severity) text.Append("  - type: ").Append(Plain(s.Type)).Append("\n    score: ").Append(Plain(s.Score)).Append('\n');
        }
        if (record.Affected is { Count: > 0 } affected)
        {
            text.Append("affected:\n");
            foreach (var a in affected) Affected(a);
        }
        if (record.References is { Count: > 0 } references)
        {
            text.Append("references:\n");
            foreach (var r in references) text.Append("  - type: ").Append(Plain(r.Type)).Append("\n    url: ").Append(Plain(r.Url)).Append('\n');
        }
        if (record.Credits is { Count: > 0 } credits)
        {
            text.Append("credits:\n");
            foreach (var c in credits)
            {
                text.Append("  - name: ").Append(Text(c.Name, 6)).Append('\n');
                if (c.Type is { } type) text.Append("    type: ").Append(Plain(type)).Append('\n');
                if (c.Contact is { Count: > 0 } contacts)
                {
                    text.Append("    contact:\n");
                    foreach (var contact in contacts) text.Append("      - ").Append(Plain(contact)).Append('\n');
                }
            }
        }
        if (record.DatabaseSpecific is { ValueKind: JsonValueKind.Object } specific
            && specific.TryGetProperty("cwe_ids", out var cwes) && cwes.ValueKind == JsonValueKind.Array && cwes.GetArrayLength() > 0)
        {
            text.Append("database_specific:\n  cwe_ids:\n");
            foreach (var cwe in cwes.EnumerateArray()) text.Append("    - ").Append(Plain(cwe.GetString() ?? "")).Append('\n');
        }
        if (authoring != AuthoringBlock.None)
        {
            text.Append(LoadOptions.Default.AuthoringBlockKey).Append(":\n");
            if (authoring.EmbargoUntil is { } until) text.Append("  embargo_until: ").Append(Quoted(OsvTimestamp.FormatWholeSeconds(until))).Append('\n');
            if (authoring.Notes is { } notes) text.Append("  notes: ").Append(Text(notes, 4)).Append('\n');
            if (authoring.RequestCve) text.Append("  request_cve: true\n");
            if (authoring.CweIds is { Count: > 0 } ids)
            {
                text.Append("  cwe_ids:\n");
                foreach (var id in ids) text.Append("    - ").Append(Plain(id)).Append('\n');
            }
            if (authoring.GhsaImport is { Count: > 0 } fingerprints)
            {
                text.Append("  ghsa_import:\n");
                foreach (var (field, fingerprint) in fingerprints) text.Append("    ").Append(field).Append(": ").Append(Quoted(fingerprint)).Append('\n');
            }
        }
        return text.ToString();

        void List(string key, IReadOnlyList<string>? values)
        {
            if (values is not { Count: > 0 }) return;
            text.Append(key).Append(":\n");
            foreach (var value in values) text.Append("  - ").Append(Plain(value)).Append('\n');
        }

        void Affected(OsvAffected a)
        {
            var first = true;
            void Key(string line)
            {
                text.Append(first ? "  - " : "    ").Append(line).Append('\n');
                first = false;
            }
            if (a.Package is { } package)
            {
                Key("package:");
                text.Append("      ecosystem: ").Append(Plain(package.Ecosystem)).Append('\n');
                text.Append("      name: ").Append(Plain(package.Name)).Append('\n');
                if (package.Purl is { } purl) text.Append("      purl: ").Append(Plain(purl)).Append('\n');
            }
            if (a.Ranges is { Count: > 0 } ranges)
            {
                Key("ranges:");
                foreach (var range in ranges)
                {
                    text.Append("      - type: ").Append(range.Type).Append('\n');
                    if (range.Repo is { } repo) text.Append("        repo: ").Append(Plain(repo)).Append('\n');
                    text.Append("        events:\n");
                    foreach (var e in range.Events)
                        text.Append("          - ").Append(e.Kind switch
                        {
                            OsvEventKind.Introduced => "introduced",
                            OsvEventKind.Fixed => "fixed",
                            OsvEventKind.LastAffected => "last_affected",
                            _ => "limit",
                        }).Append(": ").Append(Quoted(e.Version)).Append('\n');
                }
            }
            if (a.Versions is { Count: > 0 } versions)
            {
                Key("versions:");
                foreach (var version in versions) text.Append("      - ").Append(Quoted(version)).Append('\n');
            }
        }
    }

    private static string Plain(string value) => YamlScalarText.InStyleOf(YamlScalarStyle.Plain, value)!;

    private static string Quoted(string value) => YamlScalarText.DoubleQuoted(value);

    /// <summary>One line plain or quoted; several lines as a literal block indented by <paramref name="indent"/>.</summary>
    private static string Text(string value, int indent) =>
        value.Contains('\n') ? YamlScalarText.LiteralBlock(value, indent, "\n") ?? Quoted(value) : Plain(value);
}
