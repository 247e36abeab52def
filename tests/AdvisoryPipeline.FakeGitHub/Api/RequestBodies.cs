using System.Text.Json;
using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.FakeGitHub.Api;

// Request bodies as GitHub documents them. Everything is nullable: a missing field is a 422 decided by the
// endpoint, not a deserialisation failure, because that is how GitHub answers.

internal sealed record CreateBlobBody(string? Content, string? Encoding);

internal sealed record CreateTreeBody(string? BaseTree, IReadOnlyList<TreeEntryBody>? Tree);

/// <summary>
/// <see cref="Sha"/> and <see cref="Content"/> are raw elements because GitHub gives an explicit
/// <c>"sha": null</c> (delete the path) a different meaning from a missing <c>sha</c> (invalid entry).
/// </summary>
internal sealed record TreeEntryBody(string? Path, string? Mode, string? Type, JsonElement Sha, JsonElement Content);

internal sealed record CreateCommitBody(string? Message, string? Tree, IReadOnlyList<string>? Parents, SignatureBody? Author, SignatureBody? Committer);

internal sealed record SignatureBody(string? Name, string? Email, string? Date);

internal sealed record CreateRefBody(string? Ref, string? Sha);

internal sealed record UpdateRefBody(string? Sha, bool? Force);

internal sealed record CreatePullBody(string? Title, string? Head, string? Base, string? Body, bool? Draft);

/// <summary>The body of both create (POST) and update (PATCH) of a repository security advisory.</summary>
internal sealed record AdvisoryBody(
    string? Summary,
    string? Description,
    string? CveId,
    IReadOnlyList<AdvisoryVulnerability>? Vulnerabilities,
    IReadOnlyList<string>? CweIds,
    IReadOnlyList<AdvisoryCredit>? Credits,
    string? Severity,
    string? CvssVectorString,
    string? State);
