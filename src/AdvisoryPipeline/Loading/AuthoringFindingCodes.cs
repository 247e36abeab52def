namespace AdvisoryPipeline.Loading;

/// <summary>Codes of the findings about the authoring-only block (<c>pipeline:</c>) and about reading the record into the model.</summary>
/// <remarks>
/// <code>
/// AUTH000  error  the record cannot be read into the OSV model (a field of the wrong type that validation did not stop)
/// AUTH001  error  pipeline: an unknown key (the block has embargo_until, notes, request_cve and cwe_ids)
/// AUTH002  error  pipeline: a value of the wrong type (the block is not a mapping, a value is not a string, request_cve not a boolean, cwe_ids not a list of strings)
/// AUTH003  error  pipeline: embargo_until is not an RFC 3339 timestamp with a time zone
/// </code>
/// </remarks>
public static class AuthoringFindingCodes
{
    public const string UnreadableRecord = "AUTH000";
    public const string UnknownKey = "AUTH001";
    public const string WrongType = "AUTH002";
    public const string BadTimestamp = "AUTH003";
}
