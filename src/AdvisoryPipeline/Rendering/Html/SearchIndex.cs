using System.Text;
using System.Text.Json;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// The search index: every advisory as the list pages' script needs it to find and show it, written as a script file
/// (<c>search-index.js</c>) that sets <c>window.advisorySearchIndex</c>. A script file, because a page opened from
/// <c>file://</c> may load one but may not fetch a JSON file, and the CSP needs no <c>connect-src</c>; loaded by the
/// list pages only when a reader filters, so that a large database's front page stays small and fast.
/// <para>
/// Shape (short keys: the file is read by our script only, and a database of thousands of advisories should not
/// pay for long ones): <c>{"packages": [[ecosystem, name, page path], …], "advisories": [{"i": ID, "a": [aliases],
/// "s": one-line summary, "v": severity key, "b": badge text, "t": date-time, "w": 1 when withdrawn, "p": [package
/// indexes], "e": [ecosystems]}, …]}</c>, advisories newest first. The writer escapes <c>&lt;</c>, <c>&gt;</c>,
/// <c>&amp;</c>, quotes and every non-ASCII character, so no value can end the string it is in.
/// </para>
/// </summary>
internal static class SearchIndex
{
    public const string Path = "search-index.js";

    public const string GlobalName = "advisorySearchIndex";

    public static byte[] Script(IReadOnlyList<AdvisoryView> newestFirst, PackageCatalog packages)
    {
        var packageIndex = new Dictionary<SitePackage, int>(ReferenceEqualityComparer.Instance);
        using var buffer = new MemoryStream();
        buffer.Write("// The search index of the advisory list pages: see assets/site.js.\nwindow."u8);
        buffer.Write(Encoding.UTF8.GetBytes(GlobalName));
        buffer.Write(" = "u8);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("packages");
            foreach (var package in packages.Packages)
            {
                packageIndex[package] = packageIndex.Count;
                json.WriteStartArray();
                json.WriteStringValue(ReadableText.Clean(package.Ecosystem));
                json.WriteStringValue(ReadableText.Clean(package.Name));
                json.WriteStringValue(package.PagePath);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteStartArray("advisories");
            foreach (var advisory in newestFirst) WriteEntry(json, advisory, packages, packageIndex);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        buffer.Write(";\n"u8);
        return buffer.ToArray();
    }

    private static void WriteEntry(Utf8JsonWriter json, AdvisoryView advisory, PackageCatalog packages, Dictionary<SitePackage, int> packageIndex)
    {
        json.WriteStartObject();
        json.WriteString("i", advisory.Id);
        WriteStrings(json, "a", advisory.Aliases.Select(ReadableText.Clean));
        json.WriteString("s", ReadableText.Clean(advisory.Summary));
        json.WriteString("v", SeverityLevels.Of(advisory.HighestSeverity).Key());
        json.WriteString("b", SeverityBadge.TextOf(advisory.HighestSeverity));
        if (SiteOrder.ShownDate(advisory) is { } date) json.WriteString("t", DisplayTime.Machine(date));
        if (advisory.IsWithdrawn) json.WriteNumber("w", 1);
        json.WriteStartArray("p");
        foreach (var package in advisory.Affected.Select(packages.Find).OfType<SitePackage>().Distinct())
            json.WriteNumberValue(packageIndex[package]);
        json.WriteEndArray();
        WriteStrings(json, "e", advisory.Ecosystems.Select(ReadableText.Clean));
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
