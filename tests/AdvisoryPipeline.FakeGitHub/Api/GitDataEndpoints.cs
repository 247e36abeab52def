using System.Globalization;
using System.Text;
using System.Text.Json;
using AdvisoryPipeline.FakeGitHub.Git;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AdvisoryPipeline.FakeGitHub.Api;

/// <summary>The Git Data API: refs, commits, trees and blobs of <c>/repos/{owner}/{repo}/git/…</c>.</summary>
internal sealed class GitDataEndpoints(FakeGitHubServer server, Lazy<ApiBodies> bodies)
{
    private const string Git = "/repos/{owner}/{repo}/git";

    private static readonly HashSet<string> Modes = ["100644", "100755", "040000", "160000", "120000"];

    private static FakeGitHubJsonContext Json => FakeGitHubJsonContext.Default;

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Git + "/ref/{**reference}", GetExactRefAsync);
        app.MapGet(Git + "/refs", ListRefsAsync);
        app.MapGet(Git + "/refs/{**reference}", GetRefOrPrefixAsync);
        app.MapPost(Git + "/refs", CreateRefAsync);
        app.MapPatch(Git + "/refs/{**reference}", UpdateRefAsync);
        app.MapDelete(Git + "/refs/{**reference}", DeleteRefAsync);
        app.MapGet(Git + "/commits/{sha}", GetCommitAsync);
        app.MapPost(Git + "/commits", CreateCommitAsync);
        app.MapGet(Git + "/trees/{sha}", GetTreeAsync);
        app.MapPost(Git + "/trees", CreateTreeAsync);
        app.MapGet(Git + "/blobs/{sha}", GetBlobAsync);
        app.MapPost(Git + "/blobs", CreateBlobAsync);
    }

    // ---- refs ----

    private Task GetExactRefAsync(HttpContext context)
    {
        var repository = server.RequireRepository(context, DocumentationUrls.GetReference);
        var fullRef = "refs/" + context.Route("reference");
        var sha = repository.FindRef(fullRef) ?? throw GitHubApiError.NotFound(DocumentationUrls.GetReference);
        return context.WriteJsonAsync(200, RefBody(repository, fullRef, sha), Json.RefBody);
    }

    /// <summary>
    /// GitHub's older form: an exact name gives the ref; otherwise every ref starting with the name comes back
    /// as an array (what <c>git/matching-refs</c> does), and none gives 404.
    /// </summary>
    private Task GetRefOrPrefixAsync(HttpContext context)
    {
        var repository = server.RequireRepository(context, DocumentationUrls.GetReference);
        var fullRef = "refs/" + context.Route("reference");
        if (repository.FindRef(fullRef) is { } sha)
            return context.WriteJsonAsync(200, RefBody(repository, fullRef, sha), Json.RefBody);
        var matching = repository.RefsStartingWith(fullRef);
        if (matching.Count == 0)
            throw GitHubApiError.NotFound(DocumentationUrls.GetReference);
        return context.WritePageAsync([.. matching.Select(r => RefBody(repository, r.Key, r.Value))], Json.IReadOnlyListRefBody);
    }

    private Task ListRefsAsync(HttpContext context)
    {
        var repository = server.RequireRepository(context, DocumentationUrls.GetReference);
        var all = repository.RefsStartingWith("refs/");
        return context.WritePageAsync([.. all.Select(r => RefBody(repository, r.Key, r.Value))], Json.IReadOnlyListRefBody);
    }

    private async Task CreateRefAsync(HttpContext context)
    {
        var repository = server.RequireRepository(context, DocumentationUrls.CreateReference);
        var body = await context.ReadBodyAsync(Json.CreateRefBody, DocumentationUrls.CreateReference);
        var fullRef = body.Ref ?? throw GitHubApiError.MissingField("ref", DocumentationUrls.CreateReference);
        var sha = body.Sha ?? throw GitHubApiError.MissingField("sha", DocumentationUrls.CreateReference);
        repository.CreateRef(fullRef, sha);
        var response = RefBody(repository, fullRef, sha);
        await context.WriteCreatedAsync(response, response.Url, Json.RefBody);
    }

    private async Task UpdateRefAsync(HttpContext context)
    {
        var repository = server.RequireRepository(context, DocumentationUrls.UpdateReference);
        var body = await context.ReadBodyAsync(Json.UpdateRefBody, DocumentationUrls.UpdateReference);
        var sha = body.Sha ?? throw GitHubApiError.MissingField("sha", DocumentationUrls.UpdateReference);
        var fullRef = "refs/" + context.Route("reference");
        repository.UpdateRef(fullRef, sha, body.Force ?? false);
        await context.WriteJsonAsync(200, RefBody(repository, fullRef, sha), Json.RefBody);
    }

    private Task DeleteRefAsync(HttpContext context)
    {
        var repository = server.RequireRepository(context, DocumentationUrls.DeleteReference);
        repository.DeleteRef("refs/" + context.Route("reference"));
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private RefBody RefBody(FakeRepository repository, string fullRef, string sha)
    {
        var type = repository.FindObject<GitObject>(sha)?.Type ?? "commit";
        return bodies.Value.Ref(repository, fullRef, sha, type);
    }

    // ---- commits ----

    private Task GetCommitAsync(HttpContext context)
    {
        var repository = server.RequireRepository(context, DocumentationUrls.GetCommit);
        var commit = repository.FindObject<GitCommit>(context.Route("sha")) ?? throw GitHubApiError.NotFound(DocumentationUrls.GetCommit);
        return context.WriteJsonAsync(200, bodies.Value.Commit(repository, commit), Json.CommitBody);
    }

    private async Task CreateCommitAsync(HttpContext context)
    {
        const string Doc = DocumentationUrls.CreateCommit;
        var repository = server.RequireRepository(context, Doc);
        var body = await context.ReadBodyAsync(Json.CreateCommitBody, Doc);
        var message = body.Message ?? throw GitHubApiError.MissingField("message", Doc);
        var tree = body.Tree ?? throw GitHubApiError.MissingField("tree", Doc);
        var author = Signature(body.Author, repository.Now);
        // GitHub: a committer that is not given is the author (with the author's date).
        var committer = body.Committer is null ? author : Signature(body.Committer, repository.Now);
        var response = bodies.Value.Commit(repository, repository.CreateCommit(tree, body.Parents ?? [], author, committer, message));
        await context.WriteCreatedAsync(response, response.Url, Json.CommitBody);
    }

    private static GitSignature? Signature(SignatureBody? body, DateTimeOffset now)
    {
        if (body is null)
            return null;
        var name = body.Name ?? throw GitHubApiError.MissingField("name", DocumentationUrls.CreateCommit);
        var email = body.Email ?? throw GitHubApiError.MissingField("email", DocumentationUrls.CreateCommit);
        if (body.Date is null)
            return new GitSignature(name, email, now);
        // ISO 8601 with its offset: the offset is kept because git hashes it.
        if (!DateTimeOffset.TryParse(body.Date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
            throw GitHubApiError.InvalidField("date", body.Date, DocumentationUrls.CreateCommit);
        return new GitSignature(name, email, when);
    }

    // ---- trees ----

    /// <summary>
    /// Lists a tree given its SHA, a commit's SHA or a branch name. With <c>recursive</c> present (any value, as
    /// on GitHub) the whole tree comes back, parents before children, cut at the entry limit.
    /// </summary>
    private Task GetTreeAsync(HttpContext context)
    {
        var repository = server.RequireRepository(context, DocumentationUrls.GetTree);
        var treeSha = ResolveTree(repository, context.Route("sha")) ?? throw GitHubApiError.NotFound(DocumentationUrls.GetTree);
        var recursive = context.Request.Query.ContainsKey("recursive");
        var limit = server.TreeEntryLimit;
        var (items, truncated) = repository.ReadObjects(store =>
        {
            var entries = recursive
                ? store.Walk(treeSha)
                : store.Get<GitTree>(treeSha).Entries.Select(e => (Path: e.Name, Entry: e));
            var listed = entries.Take(limit + 1)
                .Select(e => (e.Path, e.Entry, Size: e.Entry.ObjectType == "blob" ? store.Find<GitBlob>(e.Entry.Sha)?.Size : (long?)null))
                .ToList();
            return (listed.Take(limit).ToList(), listed.Count > limit);
        });
        return context.WriteJsonAsync(200, bodies.Value.Tree(repository, treeSha, items, truncated), Json.TreeBody);
    }

    private static string? ResolveTree(FakeRepository repository, string shaOrRef)
    {
        if (repository.FindObject<GitTree>(shaOrRef) is { } tree)
            return tree.Sha;
        var commitSha = repository.FindObject<GitCommit>(shaOrRef)?.Sha
            ?? repository.FindRef("refs/heads/" + shaOrRef)
            ?? repository.FindRef("refs/tags/" + shaOrRef);
        return commitSha is null ? null : repository.FindObject<GitCommit>(commitSha)?.TreeSha;
    }

    private async Task CreateTreeAsync(HttpContext context)
    {
        const string Doc = DocumentationUrls.CreateTree;
        var repository = server.RequireRepository(context, Doc);
        var body = await context.ReadBodyAsync(Json.CreateTreeBody, Doc);
        var entries = body.Tree ?? throw GitHubApiError.MissingField("tree", Doc);
        var edits = entries.Select(entry => ToEdit(repository, entry)).ToList();
        var tree = repository.CreateTree(body.BaseTree, edits);
        var items = repository.ReadObjects(store => tree.Entries
            .Select(e => (Path: e.Name, Entry: e, Size: e.ObjectType == "blob" ? store.Find<GitBlob>(e.Sha)?.Size : (long?)null))
            .ToList());
        var response = bodies.Value.Tree(repository, tree.Sha, items, truncated: false);
        await context.WriteCreatedAsync(response, response.Url, Json.TreeBody);
    }

    /// <summary>
    /// GitHub's rules for one entry: exactly one of <c>sha</c> and <c>content</c>, except that an explicit
    /// <c>"sha": null</c> (without content) deletes the path. An entry with neither is refused, which is what a
    /// client that drops null properties when serialising runs into.
    /// </summary>
    private static TreeEdit ToEdit(FakeRepository repository, TreeEntryBody entry)
    {
        const string Doc = DocumentationUrls.CreateTree;
        const string EitherShaOrContent = "Must supply either tree.sha or tree.content. Request will be rejected if both are present.";
        var path = entry.Path ?? throw GitHubApiError.MissingField("path", Doc);
        var mode = entry.Mode ?? throw GitHubApiError.MissingField("mode", Doc);
        if (!Modes.Contains(mode))
            throw GitHubApiError.InvalidField("mode", mode, Doc);
        if (entry.Type is not ("blob" or "tree" or "commit"))
            throw GitHubApiError.InvalidField("type", entry.Type, Doc);
        var hasContent = entry.Content.ValueKind == JsonValueKind.String;
        var shaKind = entry.Sha.ValueKind;
        var gitMode = mode.TrimStart('0');
        return (shaKind, hasContent) switch
        {
            (JsonValueKind.String, false) => new SetTreeEntry(path, gitMode, RequireSha(entry.Sha.GetString()!)),
            (JsonValueKind.Undefined or JsonValueKind.Null, true) =>
                new SetTreeEntry(path, gitMode, repository.PutBlob(Encoding.UTF8.GetBytes(entry.Content.GetString()!)).Sha),
            (JsonValueKind.Null, false) => new RemoveTreeEntry(path),
            _ => throw GitHubApiError.Unprocessable(EitherShaOrContent, Doc),
        };
    }

    private static string RequireSha(string sha) =>
        sha.Length == 40 && sha.All(char.IsAsciiHexDigitLower)
            ? sha
            : throw GitHubApiError.InvalidField("sha", sha, DocumentationUrls.CreateTree);

    // ---- blobs ----

    private Task GetBlobAsync(HttpContext context)
    {
        var repository = server.RequireRepository(context, DocumentationUrls.GetBlob);
        var blob = repository.FindObject<GitBlob>(context.Route("sha")) ?? throw GitHubApiError.NotFound(DocumentationUrls.GetBlob);
        return context.WriteJsonAsync(200, bodies.Value.Blob(repository, blob), Json.BlobBody);
    }

    private async Task CreateBlobAsync(HttpContext context)
    {
        const string Doc = DocumentationUrls.CreateBlob;
        var repository = server.RequireRepository(context, Doc);
        var body = await context.ReadBodyAsync(Json.CreateBlobBody, Doc);
        var content = body.Content ?? throw GitHubApiError.MissingField("content", Doc);
        var bytes = body.Encoding switch
        {
            null or "utf-8" or "utf8" => Encoding.UTF8.GetBytes(content),
            "base64" => DecodeBase64(content),
            var other => throw GitHubApiError.InvalidField("encoding", other, Doc),
        };
        var response = bodies.Value.BlobCreated(repository, repository.PutBlob(bytes));
        await context.WriteCreatedAsync(response, response.Url, Json.BlobCreatedBody);
    }

    private static byte[] DecodeBase64(string content)
    {
        try
        {
            return Convert.FromBase64String(content);
        }
        catch (FormatException)
        {
            throw GitHubApiError.InvalidField("content", "(not base64)", DocumentationUrls.CreateBlob);
        }
    }
}
