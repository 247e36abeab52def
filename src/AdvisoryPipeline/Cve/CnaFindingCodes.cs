namespace AdvisoryPipeline.Cve;

/// <summary>
/// Codes of the CNA rules: what a CVE record must have that the CVE schema cannot express. Stable: new rules get new
/// numbers, a retired number is never reused.
/// </summary>
/// <remarks>
/// <code>
/// CVE001  error    no English description: the advisory has neither details nor a summary
/// CVE002  warning  no problem type: no CWE ID in database_specific.cwe_ids or the pipeline block's cwe_ids
/// CVE003  error    no affected product: the advisory names no package
/// CVE004  error    no public reference other than the advisory's own page
/// CVE005  warning  credits in the description: a credited name appears in the details (CVE credits belong in credits)
/// CVE006  error    not public: the advisory is under embargo or has a placeholder ID, so no CVE record may exist yet
/// CVE007  error    no CVE ID: the advisory has no CVE alias (reserve one with advisory cve reserve)
/// CVE008  error    several CVE IDs: a CVE record describes one CVE; the advisory has more than one CVE alias
/// CVE009  error    withdrawn: a withdrawn advisory's CVE is rejected (advisory cve reject), not published
/// CVE010  error    a CWE ID that is not of the form CWE-number
/// </code>
/// </remarks>
public static class CnaFindingCodes
{
    public const string NoDescription = "CVE001";
    public const string NoProblemType = "CVE002";
    public const string NoProduct = "CVE003";
    public const string NoPublicReference = "CVE004";
    public const string CreditsInDescription = "CVE005";
    public const string NotPublic = "CVE006";
    public const string NoCveId = "CVE007";
    public const string SeveralCveIds = "CVE008";
    public const string Withdrawn = "CVE009";
    public const string BadCweId = "CVE010";
}
