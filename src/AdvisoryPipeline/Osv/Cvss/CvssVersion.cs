namespace AdvisoryPipeline.Osv.Cvss;

/// <summary>The CVSS versions whose vectors this library parses and scores.</summary>
public enum CvssVersion { V3_0, V3_1, V4_0 }
