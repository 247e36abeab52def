
namespace AdvisoryPipeline.FakeGitHub.Git;

/// <summary>One change requested against a base tree, addressed by a slash-separated path.</summary>
public abstract record TreeEdit(string Path);

/// <summary>Puts an object at a path, creating the directories on the way.</summary>
public sealed record SetTreeEntry(string Path, string Mode, string Sha) : TreeEdit(Path);

/// <summary>Removes the entry at a path; directories left empty disappear, as in git.</summary>
public sealed record RemoveTreeEntry(string Path) : TreeEdit(Path);

/// <summary>An edit that cannot be applied; the message is what the API reports.</summary>
public sealed class TreeEditException(string message) : Exception(message);
