namespace AdvisoryPipeline.FakeChat;

/// <summary>What the server does instead of (or around) handling a request, as the real services answer.</summary>
public abstract record ChatFault(string Name)
{
    /// <summary>500, as Slack answers "internal error" and Discord and Matrix their server errors; nothing is posted.</summary>
    public static ChatFault ServerError() => new Respond("500 server error", 500, "internal_error", null);

    /// <summary>429 with <c>Retry-After</c> in seconds (and Discord's <c>retry_after</c> in the body); nothing is posted.</summary>
    public static ChatFault RateLimited(int retryAfterSeconds) =>
        new Respond($"429 retry after {retryAfterSeconds} s", 429,
            $$"""{"message":"You are being rate limited.","retry_after":{{retryAfterSeconds}}.0,"global":false,"errcode":"M_LIMIT_EXCEEDED"}""", retryAfterSeconds);

    /// <summary>A canned answer, e.g. 404 "no_service" as Slack answers a deleted webhook.</summary>
    public static ChatFault Status(int status, string body) => new Respond($"{status} canned", status, body, null);

    /// <summary>The TCP connection is aborted before the request is handled: nothing is posted, no answer.</summary>
    public static ChatFault DropBeforeHandling() => new Drop("connection dropped before handling", AfterHandling: false);

    /// <summary>The request is handled (the post is made) and then the connection is aborted: the client never learns it succeeded.</summary>
    public static ChatFault DropAfterHandling() => new Drop("connection dropped after handling", AfterHandling: true);

    internal sealed record Respond(string FaultName, int StatusCode, string Body, int? RetryAfterSeconds) : ChatFault(FaultName);

    internal sealed record Drop(string FaultName, bool AfterHandling) : ChatFault(FaultName);
}

/// <summary>Fires <see cref="Fault"/> on the <see cref="Nth"/> request (1-based) whose path starts with <see cref="PathPrefix"/>, <see cref="Times"/> times.</summary>
public sealed class ChatFaultRule(string pathPrefix, ChatFault fault)
{
    public string PathPrefix { get; } = pathPrefix;

    public ChatFault Fault { get; } = fault;

    public int Nth { get; init; } = 1;

    public int Times { get; init; } = 1;

    public int Matched { get; private set; }

    public int Fired { get; private set; }

    internal bool CountAndFire(string path)
    {
        if (!path.StartsWith(PathPrefix, StringComparison.Ordinal)) return false;
        Matched++;
        if (Matched < Nth || Fired >= Times) return false;
        Fired++;
        return true;
    }
}
