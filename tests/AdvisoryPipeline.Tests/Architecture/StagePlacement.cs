namespace AdvisoryPipeline.Tests.Architecture;

/// <summary>Where a type sits in the stage table.</summary>
/// <param name="Level">The stage's position in the table, 0 for the bottom stage.</param>
/// <param name="Stage">The stage as the table names it, relative to the root namespace ("Rendering").</param>
/// <param name="Folder">The stage's own namespace ("AdvisoryPipeline.Rendering") or the sub-folder one level below it ("AdvisoryPipeline.Rendering.Mail") that holds the type.</param>
/// <param name="IsStageRoot">True when <paramref name="Folder"/> is the stage's own namespace, which may use its sub-folders and be used by them.</param>
public sealed record StagePlacement(int Level, string Stage, string Folder, bool IsStageRoot);
