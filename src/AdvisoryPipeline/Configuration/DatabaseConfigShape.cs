using System.Text.Json.Serialization.Metadata;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Configuration;

/// <summary>
/// The string positions of <c>database.yaml</c>, derived from the serialization metadata of
/// <see cref="DatabaseConfig"/> so that a new string property is covered without further code.
/// Enums are written as strings, so they are string positions too.
/// </summary>
public sealed class DatabaseConfigShape : IScalarShape
{
    public static DatabaseConfigShape Instance { get; } = new();

    private DatabaseConfigShape() =>
        Root = ShapeNode.FromStringPaths(DatabaseFiles.ConfigFile, PathsOf(typeof(DatabaseConfig), prefix: null));

    public ShapeNode Root { get; }

    private static IEnumerable<string> PathsOf(Type type, string? prefix)
    {
        var info = DatabaseConfigJsonContext.Default.Options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                foreach (var property in info.Properties)
                foreach (var path in PathsOf(property.PropertyType, prefix is null ? property.Name : prefix + "/" + property.Name))
                    yield return path;
                break;
            case JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary:
                foreach (var path in PathsOf(info.ElementType!, prefix + "/*"))
                    yield return path;
                break;
            default:
                var scalar = Nullable.GetUnderlyingType(type) ?? type;
                if (prefix is not null && (scalar == typeof(string) || scalar.IsEnum)) yield return prefix;
                break;
        }
    }
}
