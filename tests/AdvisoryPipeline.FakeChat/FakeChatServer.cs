using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdvisoryPipeline.FakeChat;

/// <summary>
/// Slack, Discord and Matrix on 127.0.0.1 (random port), for the tests of chat announcements: a real Kestrel server
/// that the product's HttpClient talks to over TCP. It records every request (<see cref="Requests"/>) and every
/// message it accepts (<see cref="Messages"/>), checks what each service checks, and injects faults
/// (<see cref="Faults"/>). Routes, under <see cref="BaseUri"/>:
/// <code>
/// POST /slack/services/{team}/{bot}/{secret}          Slack incoming webhook: 200 "ok"
/// POST /discord/api/webhooks/{id}/{token}?wait=true   Discord webhook: 200 with the message
/// PUT  /_matrix/client/v3/rooms/{room}/send/m.room.message/{txnId}   Matrix: 200 {"event_id"}, the same for a repeated txnId
/// </code>
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ChatRequest> _requests = [];
    private readonly List<ChatMessage> _messages = [];
    private readonly List<ChatFaultRule> _faults = [];
    private readonly ConcurrentDictionary<string, string> _matrixTransactions = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private Uri? _baseUri;
    private int _events;

    /// <summary>The access token the Matrix endpoint accepts.</summary>
    public string MatrixToken { get; } = "syt_" + Guid.NewGuid().ToString("N");

    public Uri BaseUri => _baseUri ?? throw new InvalidOperationException("The fake chat server is not started.");

    /// <summary>A Slack webhook URL of this server; its last segment is the secret, as in Slack's.</summary>
    public string SlackWebhook(string secret = "XXXXXXXXXXXXXXXXXXXXXXXX") => new Uri(BaseUri, $"slack/services/T0001/B0001/{secret}").AbsoluteUri;

    public string DiscordWebhook(string token = "discord-webhook-token") => new Uri(BaseUri, $"discord/api/webhooks/1234567890/{token}").AbsoluteUri;

    public IReadOnlyList<ChatRequest> Requests
    {
        get
        {
            lock (_gate) return [.. _requests];
        }
    }

    public IReadOnlyList<ChatMessage> Messages
    {
        get
        {
            lock (_gate) return [.. _messages];
        }
    }

    public ChatFaultRule AddFault(string pathPrefix, ChatFault fault, int nth = 1, int times = 1)
    {
        var rule = new ChatFaultRule(pathPrefix, fault) { Nth = nth, Times = times };
        lock (_gate) _faults.Add(rule);
        return rule;
    }

    public static async Task<FakeChatServer> StartNewAsync()
    {
        var server = new FakeChatServer();
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--urls", "http://127.0.0.1:0"], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Use(HandleAsync);
        await app.StartAsync();
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _baseUri = new Uri(address.TrimEnd('/') + "/");
    }

    private async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8)) body = await reader.ReadToEndAsync();
        ChatFault? fault;
        lock (_gate)
        {
            fault = _faults.FirstOrDefault(rule => rule.CountAndFire(path))?.Fault;
            _requests.Add(new ChatRequest(context.Request.Method, path, context.Request.QueryString.Value ?? "",
                context.Request.Headers.Authorization.FirstOrDefault(), body, fault?.Name));
        }
        switch (fault)
        {
            case ChatFault.Respond respond:
                context.Response.StatusCode = respond.StatusCode;
                if (respond.RetryAfterSeconds is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.Response.WriteAsync(respond.Body);
                return;
            case ChatFault.Drop { AfterHandling: false }:
                context.Abort();
                return;
            case ChatFault.Drop { AfterHandling: true }:
                context.Response.Body = new MemoryStream();
                await HandleServiceAsync(context, path, body);
                context.Abort();
                return;
        }
        await HandleServiceAsync(context, path, body);
    }

    private async Task HandleServiceAsync(HttpContext context, string path, string body)
    {
        var request = context.Request;
        if (request.Method == "POST" && path.StartsWith("/slack/services/", StringComparison.Ordinal))
        {
            // Slack's answers: 400 "invalid_payload" for bad JSON, "no_text" without text or blocks.
            if (!TryParse(body, out var json)) { await Answer(context, 400, "invalid_payload"); return; }
            if (!json.TryGetProperty("text", out _) && !json.TryGetProperty("blocks", out _)) { await Answer(context, 400, "no_text"); return; }
            Accept("slack", path, body);
            await Answer(context, 200, "ok");
            return;
        }
        if (request.Method == "POST" && path.StartsWith("/discord/api/webhooks/", StringComparison.Ordinal))
        {
            if (!TryParse(body, out var json)) { await Answer(context, 400, """{"message":"Cannot send an empty message","code":50006}"""); return; }
            if (!json.TryGetProperty("content", out _) && !json.TryGetProperty("embeds", out _)) { await Answer(context, 400, """{"message":"Cannot send an empty message","code":50006}"""); return; }
            Accept("discord", path, body);
            var id = Interlocked.Increment(ref _events);
            if (request.Query["wait"] == "true") await Answer(context, 200, $$"""{"id":"{{id}}","type":0,"channel_id":"1"}""");
            else context.Response.StatusCode = 204;
            return;
        }
        const string matrixPrefix = "/_matrix/client/v3/rooms/";
        if (request.Method == "PUT" && path.StartsWith(matrixPrefix, StringComparison.Ordinal))
        {
            if (request.Headers.Authorization.FirstOrDefault() != "Bearer " + MatrixToken)
            {
                await Answer(context, 401, """{"errcode":"M_UNKNOWN_TOKEN","error":"Invalid access token passed."}""");
                return;
            }
            var parts = path[matrixPrefix.Length..].Split('/');
            if (parts.Length != 4 || parts[1] != "send" || parts[2] != "m.room.message") { await Answer(context, 404, """{"errcode":"M_UNRECOGNIZED"}"""); return; }
            if (!TryParse(body, out _)) { await Answer(context, 400, """{"errcode":"M_NOT_JSON"}"""); return; }
            var room = Uri.UnescapeDataString(parts[0]);
            // The homeserver's idempotency: the same transaction ID from the same access token is the same event.
            var key = MatrixToken + "\n" + room + "\n" + Uri.UnescapeDataString(parts[3]);
            var eventId = _matrixTransactions.GetOrAdd(key, _ =>
            {
                Accept("matrix", room, body);
                return "$event" + Interlocked.Increment(ref _events);
            });
            await Answer(context, 200, $$"""{"event_id":"{{eventId}}"}""");
            return;
        }
        await Answer(context, 404, "not found");
    }

    private void Accept(string service, string channel, string body)
    {
        lock (_gate) _messages.Add(new ChatMessage(service, channel, body));
    }

    private static async Task Answer(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsync(body);
    }

    private static bool TryParse(string body, out JsonElement json)
    {
        try
        {
            json = JsonDocument.Parse(body).RootElement.Clone();
            return json.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            json = default;
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }
}
