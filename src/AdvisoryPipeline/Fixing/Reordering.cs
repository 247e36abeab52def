using AdvisoryPipeline.Editing;

namespace AdvisoryPipeline.Fixing;

/// <summary>
/// A reordering a fix rule wants: the edits that move the entries, where it is reported, and the new order
/// of the array at <see cref="ArrayPointer"/> (null when a mapping is reordered, which leaves the record's
/// value the same).
/// </summary>
internal sealed record Reordering(IReadOnlyList<TextEdit> Edits, AppliedFix Fix, string? ArrayPointer, IReadOnlyList<int> Order);
