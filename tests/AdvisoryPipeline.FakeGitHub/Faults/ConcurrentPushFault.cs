using Microsoft.AspNetCore.Http;

namespace AdvisoryPipeline.FakeGitHub.Faults;

/// <summary>Pushes a real commit to a branch, then lets the request be handled against the moved branch.</summary>
internal sealed record ConcurrentPushFault(string? Branch) : Fault
{
    private const string BranchRefInPath = "/git/refs/heads/";

    public override string Name => "concurrent push";

    internal override Task ApplyAsync(HttpContext context, RequestDelegate next, FakeGitHubServer server)
    {
        var path = context.Request.Path.Value ?? "";
        var segments = path.Split('/');
        if (segments.Length < 4 || segments[1] != "repos" || server.FindRepository(segments[2], segments[3]) is not { } repository)
            throw new InvalidOperationException($"A concurrent push needs a /repos/{{owner}}/{{repo}}/… path, not {path}.");
        var refStart = path.IndexOf(BranchRefInPath, StringComparison.Ordinal);
        var branch = Branch ?? (refStart >= 0 ? path[(refStart + BranchRefInPath.Length)..] : repository.DefaultBranch);
        var file = $"concurrent-push/{Guid.NewGuid():N}.txt";
        repository.PushCommit(branch, new Dictionary<string, string?> { [file] = "pushed by someone else\n" }, "Concurrent push");
        return next(context);
    }
}
