namespace AdvisoryPipeline.Osv.Cvss;

/// <summary>Why a vector was rejected, and where.</summary>
/// <param name="Message">One line naming the offending metric or prefix.</param>
/// <param name="Offset">
/// Zero-based character index in the vector where the problem starts, or null when the problem is an absence
/// (a missing metric) that has no place in the text.
/// </param>
public sealed record CvssParseError(string Message, int? Offset);
