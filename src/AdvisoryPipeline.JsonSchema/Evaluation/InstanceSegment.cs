using System.Globalization;
using System.Text.Json;

namespace AdvisoryPipeline.JsonSchema.Evaluation;

/// <summary>
/// One step into the instance (a property or an array index). Holds the <see cref="JsonProperty"/> rather than
/// its name so that no string is allocated unless an error needs the location.
/// </summary>
internal readonly struct InstanceSegment
{
    private readonly JsonProperty _property;
    private readonly string? _name;
    private readonly int _index;

    private InstanceSegment(JsonProperty property, string? name, int index)
    {
        _property = property;
        _name = name;
        _index = index;
    }

    public static InstanceSegment Of(JsonProperty property) => new(property, null, -1);

    public static InstanceSegment Of(string propertyName) => new(default, propertyName, -1);

    public static InstanceSegment Of(int index) => new(default, null, index);

    public string ToPointerSegment() =>
        "/" + (_index >= 0 ? _index.ToString(CultureInfo.InvariantCulture) : JsonPointer.Escape(_name ?? _property.Name));
}
