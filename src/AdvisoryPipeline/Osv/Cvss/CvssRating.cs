namespace AdvisoryPipeline.Osv.Cvss;

/// <summary>The qualitative severity rating scale shared by CVSS v3.x and v4.0.</summary>
public enum CvssRating { None, Low, Medium, High, Critical }
