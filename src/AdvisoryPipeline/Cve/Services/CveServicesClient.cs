using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Cve.Services;

/// <summary>
/// The CVE Services REST API (https://cveawg.mitre.org/api/): reserving CVE IDs, reading, publishing, updating
/// and rejecting records. Every request carries the three credential headers; no message ever holds the key.
/// 5xx answers and dropped connections are retried (except a dropped reservation, which may have happened),
/// 429 after its <c>Retry-After</c>; 401, 403 (and an exhausted ID quota) and 404 fail with what to do.
/// </summary>
public sealed class CveServicesClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly CveServicesOptions _options;

    public CveServicesClient(CveServicesOptions options)
    {
        _options = options;
        _http = new HttpClient { BaseAddress = options.BaseUrl };
        _http.DefaultRequestHeaders.Add("CVE-API-ORG", options.Credentials.Org);
        _http.DefaultRequestHeaders.Add("CVE-API-USER", options.Credentials.User);
        _http.DefaultRequestHeaders.Add("CVE-API-KEY", options.Credentials.Key);
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("AdvisoryPipeline", "1.0"));
    }

    /// <summary>The CNA short name the requests act for (<c>CVE-API-ORG</c>); not a secret.</summary>
    public string Org => _options.Credentials.Org;

    /// <summary><c>POST /cve-id</c>: reserves <paramref name="count"/> IDs of <paramref name="year"/>, sequentially numbered.</summary>
    public Task<ReservedCveIds> ReserveAsync(int count, int year, CancellationToken cancellation = default)
    {
        var query = $"cve-id?amount={count}&cve_year={year.ToString(CultureInfo.InvariantCulture)}&short_name={Uri.EscapeDataString(Org)}"
            + (count > 1 ? "&batch_type=sequential" : "");
        return SendAsync(HttpMethod.Post, query, null, CveServicesJsonContext.Default.ReservedCveIds, $"reserve {count} CVE ID(s) for {year}",
            retryDropped: false, cancellation)!;
    }

    /// <summary><c>GET /cve-id/{id}</c>: the ID's state and owner, or null when CVE Services does not know it.</summary>
    public Task<CveIdInfo?> GetCveIdAsync(string cveId, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Get, "cve-id/" + cveId, null, CveServicesJsonContext.Default.CveIdInfo, $"read {cveId}", true, cancellation, notFoundIsNull: true);

    /// <summary><c>GET /cve/{id}</c>: the published (or rejected) record, or null when there is none.</summary>
    public Task<CveRecord?> GetRecordAsync(string cveId, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Get, "cve/" + cveId, null, CveServicesJsonContext.Default.CveRecord, $"read the record of {cveId}", true, cancellation, notFoundIsNull: true);

    /// <summary><c>POST /cve/{id}/cna</c>: publishes the first record of a reserved ID.</summary>
    public Task PublishAsync(string cveId, CnaContainer container, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Post, $"cve/{cveId}/cna", Body(new CnaContainerBody { CnaContainer = container }, CveServicesJsonContext.Default.CnaContainerBody),
            CveServicesJsonContext.Default.JsonElement, $"publish the record of {cveId}", true, cancellation);

    /// <summary><c>PUT /cve/{id}/cna</c>: replaces the CNA container of a published record.</summary>
    public Task UpdateAsync(string cveId, CnaContainer container, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Put, $"cve/{cveId}/cna", Body(new CnaContainerBody { CnaContainer = container }, CveServicesJsonContext.Default.CnaContainerBody),
            CveServicesJsonContext.Default.JsonElement, $"update the record of {cveId}", true, cancellation);

    /// <summary>
    /// Rejects a CVE ID with a reason: <c>POST /cve/{id}/reject</c> for an ID that was only reserved,
    /// <c>PUT /cve/{id}/reject</c> for a published record.
    /// </summary>
    public Task RejectAsync(string cveId, string reason, bool published, CancellationToken cancellation = default) =>
        SendAsync(published ? HttpMethod.Put : HttpMethod.Post, $"cve/{cveId}/reject",
            Body(new RejectBody { CnaContainer = new RejectedContainer { RejectedReasons = [new CveDescription { Lang = "en", Value = reason }] } },
                CveServicesJsonContext.Default.RejectBody),
            CveServicesJsonContext.Default.JsonElement, $"reject {cveId}", true, cancellation);

    private static byte[] Body<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    private async Task<T?> SendAsync<T>(HttpMethod method, string path, byte[]? body, JsonTypeInfo<T> type, string action,
        bool retryDropped, CancellationToken cancellation, bool notFoundIsNull = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null) request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellation);
            }
            catch (HttpRequestException failure)
            {
                if (!retryDropped)
                    throw Fail($"could not {action}: the connection to CVE Services broke before an answer came, so the request may or may not have taken effect; "
                        + "check what your organisation holds before you try again", null, null, failure);
                if (attempt >= _options.MaxAttempts)
                    throw Fail($"could not {action}: the connection to CVE Services broke {attempt} times ({failure.Message})", null, null, failure);
                await _options.Delay(Backoff(attempt), cancellation);
                continue;
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync(cancellation);
                if (response.IsSuccessStatusCode)
                    return ReadBody(text, type, action);
                if (status == 404 && notFoundIsNull) return default;
                var error = ErrorOf(text);
                if (status >= 500 && attempt < _options.MaxAttempts)
                {
                    await _options.Delay(Backoff(attempt), cancellation);
                    continue;
                }
                if (status == 429 && attempt < _options.MaxAttempts && RetryAfter(response) is { } wait && wait <= _options.MaxRetryAfter)
                {
                    await _options.Delay(wait, cancellation);
                    continue;
                }
                throw Fail(Describe(action, status, error, attempt), status, error?.Error, null);
            }
        }
    }

    private T ReadBody<T>(string text, JsonTypeInfo<T> type, string action)
    {
        try
        {
            return JsonSerializer.Deserialize(text, type) ?? throw new JsonException("null");
        }
        catch (JsonException failure)
        {
            throw Fail($"could not {action}: CVE Services answered with something that is not the expected JSON ({failure.Message})", null, null, failure);
        }
    }

    private static string Describe(string action, int status, CveServicesError? error, int attempts)
    {
        var said = error is { Message: { Length: > 0 } message } ? $": {(error.Error is { Length: > 0 } code ? code + ": " : "")}{message}" : "";
        return status switch
        {
            401 => $"could not {action}: CVE Services refused the credentials (401 Unauthorized{said}); check ${CveServicesCredentials.OrgVariable}, ${CveServicesCredentials.UserVariable} and ${CveServicesCredentials.KeyVariable}",
            403 when IsQuota(error) => $"could not {action}: the organisation's CVE ID quota is exhausted (403{said}); ask the CNA's administrator to raise it, or reject unused reserved IDs",
            403 => $"could not {action}: CVE Services forbids it to this user (403 Forbidden{said}); the ID may belong to another CNA, or the user may lack the role",
            404 => $"could not {action}: CVE Services does not know it (404 Not Found{said}); check the CVE ID, and that it was reserved by this CNA",
            429 => $"could not {action}: CVE Services kept answering 429 Too Many Requests ({attempts} attempts{said}); try again later",
            >= 500 => $"could not {action}: CVE Services failed with {status} {attempts} times{said}; try again later",
            _ => $"could not {action}: CVE Services answered {status}{said}",
        };
    }

    private static bool IsQuota(CveServicesError? error) =>
        error?.Error is "EXCEEDED_ID_QUOTA" || (error?.Message ?? "").Contains("quota", StringComparison.OrdinalIgnoreCase);

    private static CveServicesError? ErrorOf(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonSerializer.Deserialize(text, CveServicesJsonContext.Default.CveServicesError);
        }
        catch (JsonException)
        {
            // An HTML page from a proxy: the status says enough.
            return null;
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } retryAfter) return TimeSpan.FromSeconds(1);
        if (retryAfter.Delta is { } delta) return delta;
        return retryAfter.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));

    private CveServicesException Fail(string message, int? status, string? code, Exception? inner) =>
        new(Secrets.Redact(message), status, code, inner is null ? null : new HttpRequestException(Secrets.Redact(inner.Message)));

    public void Dispose() => _http.Dispose();
}
