using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdvisoryPipeline.FakeCveServices;

/// <summary>One CVE ID the fake holds: its owner, state and (once published or rejected) its record.</summary>
public sealed class FakeCveId(string id, string owner, string state)
{
    public string Id { get; } = id;

    public string Owner { get; } = owner;

    public string State { get; internal set; } = state;

    public JsonObject? Record { get; internal set; }

    public string? DateReserved { get; init; }
}

/// <summary>
/// A CVE Services REST API server on 127.0.0.1 (random port): real Kestrel, real HTTP, the routes the product uses
/// (<c>POST /cve-id</c>, <c>GET /cve-id/{id}</c>, <c>GET /cve/{id}</c>, <c>POST/PUT /cve/{id}/cna</c>,
/// <c>POST/PUT /cve/{id}/reject</c>, <c>GET /org/{short}/id_quota</c>), the three credential headers checked on
/// every request (401 otherwise), an ID quota (403 EXCEEDED_ID_QUOTA), a request log without header values, and
/// fault injection (5xx, 429 with Retry-After, 401/403/404, dropped connections).
/// <code>
/// await using var cve = await FakeCveServicesServer.StartNewAsync();
/// cve.Faults.Add(new CveFaultRule("PUT", "/cve/", CveFault.ServerError()));
/// … run the client against cve.BaseUri with CVE_API_ORG = cve.Org, CVE_API_USER = cve.User, CVE_API_KEY = cve.ApiKey …
/// </code>
/// </summary>
public sealed class FakeCveServicesServer : IAsyncDisposable
{
    internal const string DroppedKey = "fake-cve:dropped";
    private const string FaultKey = "fake-cve:fault";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeCveId> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _nextNumber = [];
    private readonly List<CveFaultRule> _faults = [];
    private WebApplication? _app;
    private Uri? _baseUri;

    public string Org { get; init; } = "tessera";

    public string OrgId { get; init; } = "8254265b-2729-46b6-b9e3-3dfca2d5bfca";

    public string User { get; init; } = "security@tessera-project.org";

    public string ApiKey { get; init; } = "fake-cve-api-key-3b1f0e9c5d7a";

    /// <summary>How many IDs may be reserved and not yet published or rejected at once.</summary>
    public int IdQuota { get; set; } = 20;

    public DateTimeOffset Now { get; set; } = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public Uri BaseUri => _baseUri ?? throw new InvalidOperationException("The fake CVE Services server is not started.");

    public CveRequestLog Requests { get; } = new();

    public static async Task<FakeCveServicesServer> StartNewAsync()
    {
        var server = new FakeCveServicesServer();
        await server.StartAsync();
        return server;
    }

    public CveFaultRule AddFault(string method, string pathPrefix, CveFault fault, int nth = 1, int times = 1)
    {
        var rule = new CveFaultRule(method, pathPrefix, fault) { Nth = nth, Times = times };
        lock (_gate) _faults.Add(rule);
        return rule;
    }

    public void ClearFaults()
    {
        lock (_gate) _faults.Clear();
    }

    /// <summary>An ID this CNA reserved earlier (state RESERVED), or another CNA's ID (<paramref name="owner"/>).</summary>
    public FakeCveId AddId(string cveId, string? owner = null, string state = "RESERVED")
    {
        var id = new FakeCveId(cveId, owner ?? Org, state) { DateReserved = Timestamp() };
        lock (_gate) _ids[cveId] = id;
        return id;
    }

    public FakeCveId? Id(string cveId)
    {
        lock (_gate) return _ids.GetValueOrDefault(cveId);
    }

    public IReadOnlyList<FakeCveId> Ids
    {
        get
        {
            lock (_gate) return [.. _ids.Values.OrderBy(i => i.Id, StringComparer.Ordinal)];
        }
    }

    private string Timestamp() => Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--urls", "http://127.0.0.1:0"], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Use(LogAndFaults);
        app.MapPost("/cve-id", Reserve);
        app.MapGet("/cve-id/{id}", (string id) => WithId(id, found => Json(200, IdJson(found))));
        app.MapGet("/cve/{id}", (string id) => WithId(id, found => found.Record is { } record ? Json(200, record.DeepClone())
            : Error(404, "CVE_RECORD_DNE", $"The cve record for the cve id '{id}' does not exist.")));
        app.MapPost("/cve/{id}/cna", (string id, HttpContext context) => WriteRecord(id, context, create: true));
        app.MapPut("/cve/{id}/cna", (string id, HttpContext context) => WriteRecord(id, context, create: false));
        app.MapPost("/cve/{id}/reject", (string id, HttpContext context) => Reject(id, context, published: false));
        app.MapPut("/cve/{id}/reject", (string id, HttpContext context) => Reject(id, context, published: true));
        app.MapGet("/org/{org}/id_quota", () => Json(200, new JsonObject { ["id_quota"] = IdQuota, ["total_reserved"] = Reserved(), ["available"] = IdQuota - Reserved() }));
        app.MapFallback(() => Error(404, "NOT_FOUND", "Not found"));
        await app.StartAsync();
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _baseUri = new Uri(address.TrimEnd('/') + "/");
    }

    private async Task LogAndFaults(HttpContext context, RequestDelegate next)
    {
        var sequence = Requests.Next();
        context.Request.EnableBuffering();
        string? body = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.ContainsKey("Transfer-Encoding"))
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
            body = await reader.ReadToEndAsync();
            context.Request.Body.Position = 0;
        }
        var path = context.Request.Path.Value ?? "";
        CveFault? fault = null;
        lock (_gate)
            foreach (var rule in _faults)
                if (rule.CountAndFire(context.Request.Method, path) && fault is null)
                    fault = rule.Fault;
        try
        {
            if (fault is not null)
            {
                context.Items[FaultKey] = fault.Name;
                await fault.ApplyAsync(context, Authenticated);
            }
            else
            {
                await Authenticated(context);
            }
        }
        finally
        {
            var dropped = context.Items.ContainsKey(DroppedKey);
            Requests.Add(new CveRecordedRequest(sequence, context.Request.Method, path, context.Request.QueryString.Value ?? "", body,
                dropped ? 0 : context.Response.StatusCode, fault?.Name));
        }

        Task Authenticated(HttpContext c)
        {
            var headers = c.Request.Headers;
            if (headers["CVE-API-ORG"] != Org || headers["CVE-API-USER"] != User || headers["CVE-API-KEY"] != ApiKey)
                return Error(401, "UNAUTHORIZED", "Unauthorized").ExecuteAsync(c);
            return next(c);
        }
    }

    private int Reserved() => _ids.Values.Count(i => i.Owner == Org && i.State == "RESERVED");

    private IResult Reserve(HttpContext context)
    {
        var query = context.Request.Query;
        if (!int.TryParse(query["amount"], CultureInfo.InvariantCulture, out var amount) || amount < 1)
            return Error(400, "BAD_INPUT", "amount must be a positive integer");
        if (!int.TryParse(query["cve_year"], CultureInfo.InvariantCulture, out var year))
            return Error(400, "BAD_INPUT", "cve_year is required");
        if (query["short_name"] != Org)
            return Error(403, "ORG_CANNOT_RESERVE_FOR_OTHER", "The organization cannot reserve IDs for another organization.");
        if (amount > 1 && query["batch_type"].Count == 0)
            return Error(400, "NO_BATCH_TYPE", "batch_type is required when amount is greater than 1");
        lock (_gate)
        {
            if (Reserved() + amount > IdQuota)
                return Error(403, "EXCEEDED_ID_QUOTA", "The amount of CVE IDs requested exceeds the remaining quota of the organization.");
            var reserved = new JsonArray();
            for (var i = 0; i < amount; i++)
            {
                var number = _nextNumber.GetValueOrDefault(year, 1001);
                _nextNumber[year] = number + 1;
                var id = new FakeCveId($"CVE-{year}-{number}", Org, "RESERVED") { DateReserved = Timestamp() };
                _ids[id.Id] = id;
                reserved.Add(IdJson(id));
            }
            return Json(200, new JsonObject { ["cve_ids"] = reserved, ["meta"] = new JsonObject { ["remaining_quota"] = IdQuota - Reserved() } });
        }
    }

    private IResult WithId(string cveId, Func<FakeCveId, IResult> found)
    {
        lock (_gate)
            return _ids.TryGetValue(cveId, out var id) ? found(id) : Error(404, "CVE_ID_NOT_FOUND", $"The CVE ID '{cveId}' does not exist.");
    }

    private async Task<IResult> WriteRecord(string cveId, HttpContext context, bool create)
    {
        var body = await ReadBody(context);
        if (body?["cnaContainer"] is not JsonObject container)
            return Error(400, "BAD_INPUT", "The body must hold a cnaContainer object.");
        foreach (var required in new[] { "descriptions", "affected", "references" })
            if (container[required] is not JsonArray { Count: > 0 })
                return Error(400, "INVALID_JSON_SCHEMA", $"cnaContainer.{required} is required and must not be empty.");
        return WithId(cveId, id =>
        {
            if (id.Owner != Org) return Error(403, "NOT_OWNER_CNA", "The CVE ID is owned by another organization.");
            if (create && id.State != "RESERVED")
                return Error(400, "CVE_RECORD_EXISTS", "The cve record for the cve id already exists.");
            if (!create && id.State != "PUBLISHED")
                return Error(400, "CVE_RECORD_DNE", "The cve record for the cve id does not exist.");
            var now = Timestamp();
            var stored = (JsonObject)container.DeepClone();
            stored["providerMetadata"] = new JsonObject { ["orgId"] = OrgId, ["shortName"] = Org, ["dateUpdated"] = now };
            if (stored["datePublic"] is JsonValue datePublic && DateTimeOffset.TryParse(datePublic.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                stored["datePublic"] = date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            var published = id.Record?["cveMetadata"]?["datePublished"]?.GetValue<string>() ?? now;
            id.State = "PUBLISHED";
            id.Record = new JsonObject
            {
                ["dataType"] = "CVE_RECORD",
                ["dataVersion"] = "5.1",
                ["cveMetadata"] = new JsonObject
                {
                    ["cveId"] = id.Id, ["assignerOrgId"] = OrgId, ["state"] = "PUBLISHED", ["assignerShortName"] = Org,
                    ["dateReserved"] = id.DateReserved, ["datePublished"] = published, ["dateUpdated"] = now,
                },
                ["containers"] = new JsonObject { ["cna"] = stored },
            };
            return Json(200, new JsonObject { ["message"] = $"{id.Id} record was {(create ? "created" : "updated")}.", [create ? "created" : "updated"] = id.Record.DeepClone() });
        });
    }

    private async Task<IResult> Reject(string cveId, HttpContext context, bool published)
    {
        var body = await ReadBody(context);
        if (body?["cnaContainer"]?["rejectedReasons"] is not JsonArray { Count: > 0 } reasons)
            return Error(400, "BAD_INPUT", "The body must hold cnaContainer.rejectedReasons.");
        return WithId(cveId, id =>
        {
            if (id.Owner != Org) return Error(403, "NOT_OWNER_CNA", "The CVE ID is owned by another organization.");
            if (published ? id.State != "PUBLISHED" : id.State != "RESERVED")
                return Error(400, published ? "CVE_RECORD_DNE" : "CVE_RECORD_EXISTS", $"The CVE ID is {id.State}.");
            id.State = "REJECTED";
            id.Record = new JsonObject
            {
                ["dataType"] = "CVE_RECORD",
                ["dataVersion"] = "5.1",
                ["cveMetadata"] = new JsonObject { ["cveId"] = id.Id, ["assignerOrgId"] = OrgId, ["state"] = "REJECTED", ["dateRejected"] = Timestamp() },
                ["containers"] = new JsonObject
                {
                    ["cna"] = new JsonObject { ["providerMetadata"] = new JsonObject { ["orgId"] = OrgId }, ["rejectedReasons"] = reasons.DeepClone() },
                },
            };
            return Json(200, new JsonObject { ["message"] = $"{id.Id} was rejected." });
        });
    }

    private static async Task<JsonNode?> ReadBody(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static JsonObject IdJson(FakeCveId id) => new()
    {
        ["cve_id"] = id.Id, ["cve_year"] = id.Id.Split('-')[1], ["state"] = id.State, ["owning_cna"] = id.Owner, ["reserved"] = id.DateReserved,
    };

    private static IResult Json(int status, JsonNode body) => Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8, status);

    private static IResult Error(int status, string code, string message) =>
        Json(status, new JsonObject { ["error"] = code, ["message"] = message });

    public async ValueTask DisposeAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }
}
