namespace AdvisoryPipeline.Osv.Cvss;

/// <summary>
/// The score of one vector. <paramref name="BaseScore"/> always has one decimal (e.g. <c>5.0</c>, not <c>5</c>).
/// For CVSS v3.x it is the Base score: temporal and environmental metrics are accepted by the parser but are not
/// scored. For CVSS v4.0 it is the single score the specification defines, which takes the threat (E) and
/// environmental (CR/IR/AR, M*) metrics into account when the vector carries them; see
/// <see cref="CvssVector.Nomenclature"/> for its name (CVSS-B, CVSS-BT, CVSS-BE or CVSS-BTE).
/// </summary>
/// <param name="Version">Version of the scored vector.</param>
/// <param name="BaseScore">0.0 to 10.0, one decimal.</param>
/// <param name="Rating">Qualitative rating of <paramref name="BaseScore"/>.</param>
/// <param name="Vector">The vector exactly as it was parsed.</param>
public sealed record CvssScore(CvssVersion Version, decimal BaseScore, CvssRating Rating, string Vector);
