using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace AdvisoryPipeline.FakeCveServices;

/// <summary>
/// What the server does instead of (or around) handling a request a rule selected. Bodies are CVE Services' own
/// error shape (<c>{"error": CODE, "message": TEXT}</c>).
/// </summary>
public abstract record CveFault
{
    public abstract string Name { get; }

    internal abstract Task ApplyAsync(HttpContext context, RequestDelegate next);

    public static CveFault ServerError() => Respond(500, "INTERNAL_SERVER_ERROR", "Internal server error");

    public static CveFault BadGateway() => new RespondFault("502 bad gateway", 502,
        "<html><body><h1>502 Bad Gateway</h1></body></html>\n", "text/html", []);

    /// <summary>429 with <c>Retry-After</c> in seconds, as CVE Services' rate limiter answers.</summary>
    public static CveFault RateLimited(int retryAfterSeconds = 1) => new RespondFault("429 rate limited", 429,
        """{"error":"TOO_MANY_REQUESTS","message":"Too many requests, please try again later."}""", "application/json",
        [("Retry-After", retryAfterSeconds.ToString(CultureInfo.InvariantCulture))]);

    public static CveFault Unauthorized() => Respond(401, "UNAUTHORIZED", "Unauthorized");

    public static CveFault Forbidden() => Respond(403, "NOT_ALLOWED_TO_CHANGE_STATE", "This user is not allowed to change the state of this CVE ID.");

    public static CveFault NotFound() => Respond(404, "CVE_ID_NOT_FOUND", "The CVE ID does not exist.");

    public static CveFault DropConnectionBeforeHandling() => new DropFault(AfterHandling: false);

    /// <summary>The request takes effect, then the connection is aborted: the client never learns it succeeded.</summary>
    public static CveFault DropConnectionAfterHandling() => new DropFault(AfterHandling: true);

    public static CveFault Respond(int status, string code, string message) =>
        new RespondFault($"{status} {code}", status, $$"""{"error":"{{code}}","message":"{{message}}"}""", "application/json", []);
}

internal sealed record RespondFault(string Description, int Status, string Body, string ContentType, IReadOnlyList<(string Name, string Value)> Headers) : CveFault
{
    public override string Name => Description;

    internal override Task ApplyAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.StatusCode = Status;
        context.Response.ContentType = ContentType;
        foreach (var (name, value) in Headers) context.Response.Headers[name] = value;
        return context.Response.WriteAsync(Body, context.RequestAborted);
    }
}

internal sealed record DropFault(bool AfterHandling) : CveFault
{
    public override string Name => AfterHandling ? "connection dropped after handling" : "connection dropped before handling";

    internal override async Task ApplyAsync(HttpContext context, RequestDelegate next)
    {
        if (AfterHandling)
        {
            context.Response.Body = new MemoryStream();
            await next(context);
        }
        context.Items[FakeCveServicesServer.DroppedKey] = true;
        context.Abort();
    }
}

/// <summary>Selects the <see cref="Nth"/> and following requests of a method and path prefix, <see cref="Times"/> in all.</summary>
public sealed class CveFaultRule(string method, string pathPrefix, CveFault fault)
{
    public string Method { get; } = method;

    public string PathPrefix { get; } = pathPrefix;

    public CveFault Fault { get; } = fault;

    public int Nth { get; init; } = 1;

    public int Times { get; init; } = 1;

    public int Matched { get; private set; }

    public int Fired { get; private set; }

    internal bool CountAndFire(string method, string path)
    {
        if (!(Method == "*" || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) || !path.StartsWith(PathPrefix, StringComparison.Ordinal))
            return false;
        Matched++;
        if (Matched < Nth || Fired >= Times) return false;
        Fired++;
        return true;
    }
}
