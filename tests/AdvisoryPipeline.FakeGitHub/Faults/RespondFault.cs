using AdvisoryPipeline.FakeGitHub.Api;
using Microsoft.AspNetCore.Http;

namespace AdvisoryPipeline.FakeGitHub.Faults;

/// <summary>Answers with a fixed status, body and headers; the request itself is not handled.</summary>
internal sealed record RespondFault(
    string Description,
    int Status,
    string Body,
    IReadOnlyList<(string Name, string Value)> ExtraHeaders,
    string ContentType = HttpExchange.JsonContentType) : Fault
{
    public override string Name => Description;

    internal override Task ApplyAsync(HttpContext context, RequestDelegate next, FakeGitHubServer server)
    {
        context.Response.StatusCode = Status;
        context.Response.ContentType = ContentType;
        foreach (var (name, value) in ExtraHeaders)
            context.Response.Headers[name] = value;
        return context.Response.WriteAsync(Body, context.RequestAborted);
    }
}
