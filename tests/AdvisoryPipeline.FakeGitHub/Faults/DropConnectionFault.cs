using Microsoft.AspNetCore.Http;

namespace AdvisoryPipeline.FakeGitHub.Faults;

/// <summary>Aborts the TCP connection without a response, before or after the request takes effect.</summary>
internal sealed record DropConnectionFault(bool AfterHandling) : Fault
{
    public override string Name => AfterHandling ? "connection dropped after handling" : "connection dropped before handling";

    internal override async Task ApplyAsync(HttpContext context, RequestDelegate next, FakeGitHubServer server)
    {
        if (AfterHandling)
        {
            // The response goes to a buffer that is thrown away, so not a byte of it reaches the client.
            context.Response.Body = new MemoryStream();
            await next(context);
        }
        context.Items[DroppedMarker] = true;
        context.Abort();
    }

    internal const string DroppedMarker = "fake-github:dropped";
}
