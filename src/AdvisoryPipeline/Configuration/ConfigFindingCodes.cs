namespace AdvisoryPipeline.Configuration;

/// <summary>Stable codes of the findings about <c>database.yaml</c>, beside the loader's own (YAML0xx, YAML1xx).</summary>
/// <remarks>
/// <code>
/// CFG001   error    an unknown key
/// CFG002   error    a value of the wrong type, or invalid (bad URL, prefix, address, publish target...)
/// CFG003   error    a required key is missing
/// </code>
/// </remarks>
public static class ConfigFindingCodes
{
    public const string UnknownKey = "CFG001";
    public const string InvalidValue = "CFG002";
    public const string MissingKey = "CFG003";
}
