namespace AdvisoryPipeline.JsonSchema.Formats;

/// <summary>The formats this validator can assert. Others (idn-hostname, idn-email) are accepted without checking.</summary>
internal static class FormatCatalog
{
    private static readonly Dictionary<string, Func<string, bool>> Checks = new(StringComparer.Ordinal)
    {
        ["date-time"] = DateTimeFormats.IsDateTime,
        ["date"] = DateTimeFormats.IsDate,
        ["time"] = DateTimeFormats.IsTime,
        ["duration"] = DateTimeFormats.IsDuration,
        ["email"] = NetworkFormats.IsEmail,
        ["hostname"] = NetworkFormats.IsHostname,
        ["ipv4"] = NetworkFormats.IsIPv4,
        ["ipv6"] = NetworkFormats.IsIPv6,
        ["uri"] = UriFormats.IsUri,
        ["uri-reference"] = UriFormats.IsUriReference,
        ["iri"] = UriFormats.IsIri,
        ["iri-reference"] = UriFormats.IsIriReference,
        ["uri-template"] = UriFormats.IsUriTemplate,
        ["uuid"] = SimpleFormats.IsUuid,
        ["json-pointer"] = SimpleFormats.IsJsonPointer,
        ["relative-json-pointer"] = SimpleFormats.IsRelativeJsonPointer,
        ["regex"] = SimpleFormats.IsRegex,
    };

    public static bool TryGet(string format, out Func<string, bool> check) => Checks.TryGetValue(format, out check!);
}
