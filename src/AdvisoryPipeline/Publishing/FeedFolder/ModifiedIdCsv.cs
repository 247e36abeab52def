using System.Text;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Publishing.FeedFolder;

/// <summary>
/// <c>modified_id.csv</c> as osv.dev writes it: one <c>&lt;modified&gt;,&lt;path&gt;</c> row per record, no
/// header, newest first and then by path, <c>\n</c> line ends. The time is RFC 3339 in UTC with the fraction only
/// when there is one (Go's RFC3339Nano); the path is the ID in an ecosystem's file and
/// <c>&lt;ecosystem&gt;/&lt;ID&gt;</c> in the root file. IDs and ecosystem names contain no comma, quote or line
/// break, so no field needs quoting.
/// </summary>
public static class ModifiedIdCsv
{
    public static byte[] Write(IEnumerable<(DateTimeOffset Modified, string Path)> rows)
    {
        var text = new StringBuilder();
        foreach (var (modified, path) in rows
            .OrderByDescending(row => row.Modified)
            .ThenBy(row => row.Path, StringComparer.Ordinal))
        {
            text.Append(OsvTimestamp.Format(modified)).Append(',').Append(path).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
