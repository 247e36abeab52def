using System.Text;
using System.Text.Json;
using AdvisoryPipeline.JsonSchema;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;

namespace AdvisoryPipeline.Lint;

/// <summary>Receives every string value of a record with the path to it.</summary>
internal interface IStringVisitor
{
    void Visit(string value, RecordStrings.Path path);
}

/// <summary>
/// Walks every string value of a record, the typed fields and the free-form <c>*_specific</c> objects alike, keeping
/// the JSON pointer as a stack of segments so that a pointer string is built only for a value a check reports.
/// </summary>
internal static class RecordStrings
{
    public static void Walk(OsvRecord record, IStringVisitor visitor)
    {
        var path = new Path();
        void Field(string key, string? value)
        {
            if (value is null) return;
            path.Push(key);
            visitor.Visit(value, path);
            path.Pop();
        }
        void List(string key, IReadOnlyList<string>? values)
        {
            if (values is null) return;
            path.Push(key);
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is not { } value) continue;
                path.Push(i);
                visitor.Visit(value, path);
                path.Pop();
            }
            path.Pop();
        }
        void Json(string key, JsonElement? element)
        {
            if (element is not { } value) return;
            path.Push(key);
            WalkJson(value, path, visitor);
            path.Pop();
        }
        void Items<T>(string key, IReadOnlyList<T>? items, Action<T> each) where T : class
        {
            if (items is null) return;
            path.Push(key);
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is not { } item) continue;
                path.Push(i);
                each(item);
                path.Pop();
            }
            path.Pop();
        }
        void Severities(IReadOnlyList<OsvSeverity>? severities) => Items("severity", severities, s =>
        {
            Field("type", s.Type);
            Field("score", s.Score);
        });

        Field("schema_version", record.SchemaVersion);
        Field("id", record.Id);
        Field("modified", record.Modified);
        Field("published", record.Published);
        Field("withdrawn", record.Withdrawn);
        List("aliases", record.Aliases);
        List("upstream", record.Upstream);
        List("related", record.Related);
        Field("summary", record.Summary);
        Field("details", record.Details);
        Severities(record.Severity);
        Items("affected", record.Affected, affected =>
        {
            if (affected.Package is { } package)
            {
                path.Push("package");
                Field("ecosystem", package.Ecosystem);
                Field("name", package.Name);
                Field("purl", package.Purl);
                path.Pop();
            }
            Severities(affected.Severity);
            Items("ranges", affected.Ranges, range =>
            {
                Field("type", range.Type);
                Field("repo", range.Repo);
                Items("events", range.Events, e =>
                {
                    Field("introduced", e.Introduced);
                    Field("fixed", e.Fixed);
                    Field("last_affected", e.LastAffected);
                    Field("limit", e.Limit);
                });
                Json("database_specific", range.DatabaseSpecific);
            });
            List("versions", affected.Versions);
            Json("ecosystem_specific", affected.EcosystemSpecific);
            Json("database_specific", affected.DatabaseSpecific);
        });
        Items("references", record.References, reference =>
        {
            Field("type", reference.Type);
            Field("url", reference.Url);
        });
        Items("credits", record.Credits, credit =>
        {
            Field("name", credit.Name);
            List("contact", credit.Contact);
            Field("type", credit.Type);
        });
        Json("database_specific", record.DatabaseSpecific);
    }

    private static void WalkJson(JsonElement element, Path path, IStringVisitor visitor)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                visitor.Visit(element.GetString()!, path);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    path.Push(index++);
                    WalkJson(item, path, visitor);
                    path.Pop();
                }
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    path.Push(property.Name);
                    WalkJson(property.Value, path, visitor);
                    path.Pop();
                }
                break;
        }
    }

    /// <summary>A JSON pointer under construction: keys and indexes, turned into text on demand.</summary>
    internal sealed class Path
    {
        private readonly List<(string? Key, int Index)> _segments = [];

        public void Push(string key) => _segments.Add((key, -1));

        public void Push(int index) => _segments.Add((null, index));

        public void Pop() => _segments.RemoveAt(_segments.Count - 1);

        public override string ToString()
        {
            var builder = new StringBuilder();
            foreach (var (key, index) in _segments)
            {
                if (key is null) JsonPointer.AppendTo(builder, index);
                else JsonPointer.AppendTo(builder, key);
            }
            return builder.ToString();
        }
    }
}
