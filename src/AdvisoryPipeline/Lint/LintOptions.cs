namespace AdvisoryPipeline.Lint;

/// <summary>How a lint run judges what depends on when and where it runs.</summary>
public sealed record LintOptions
{
    public static LintOptions Default { get; } = new();

    /// <summary>"Now", for the timestamps-in-the-future rule (OSV203); tests pass a fixed clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Whether placeholder ids (<c>PREFIX-0000-name</c>) are acceptable: yes while an advisory is reviewed in a pull
    /// request, no on the branch that publishes (<c>advisory validate --no-placeholders</c>).
    /// </summary>
    public PlaceholderIds Placeholders { get; init; } = PlaceholderIds.ToBeAssigned;
}

/// <summary>What a placeholder id (<c>PREFIX-0000-name</c>, OSV104) is in this run.</summary>
public enum PlaceholderIds
{
    /// <summary>
    /// Review: the id is valid and reported at OSV104's configured level (info by default) as "to be assigned".
    /// </summary>
    ToBeAssigned,

    /// <summary>
    /// Publishing: a placeholder is an error whatever <c>database.yaml</c> says about OSV104, because a record
    /// with a placeholder id must never reach consumers.
    /// </summary>
    Refused,
}
