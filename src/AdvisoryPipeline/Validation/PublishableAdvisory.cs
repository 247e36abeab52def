using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Validation;

/// <summary>A record that passed validation and may be published, with the file it was authored in.</summary>
/// <param name="Record">The record as authored; <c>modified</c> and <c>published</c> may be missing.</param>
/// <param name="SourcePath">The advisory's file (as shown in messages), e.g. <c>advisories/TSSA-2025-4.yaml</c>.</param>
/// <param name="RequestCve">The pipeline block's <c>request_cve</c>: the ghsa: target asks GitHub for a CVE ID.</param>
public sealed record PublishableAdvisory(OsvRecord Record, string SourcePath, bool RequestCve = false);
