namespace AdvisoryPipeline.Fixing;

/// <summary>Codes of what <c>advisory fix</c> reports besides the changes it makes.</summary>
/// <remarks>
/// <code>
/// FIX001  error    the file has load errors that no fix repairs (YAML syntax, duplicate keys...): it is skipped
/// FIX002  warning  a rule's changes would not have kept the record's meaning (checked by reloading), so they were left out
/// </code>
/// </remarks>
public static class FixFindingCodes
{
    public const string Skipped = "FIX001";
    public const string RuleWithdrawn = "FIX002";
}
