using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace AdvisoryPipeline.Tests.Fakes.GitHub.Api;

/// <summary>Reading requests and writing responses the way GitHub does, for the endpoint classes.</summary>
internal static class HttpExchange
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public static string Route(this HttpContext context, string name) =>
        context.Request.RouteValues[name] as string ?? "";

    /// <summary>
    /// Reads the JSON body whatever the content type says: Octokit sends JSON labelled
    /// <c>application/x-www-form-urlencoded</c> unless told otherwise, and GitHub accepts it.
    /// </summary>
    public static async Task<T> ReadBodyAsync<T>(this HttpContext context, JsonTypeInfo<T> typeInfo, string documentationUrl)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(context.Request.Body, typeInfo, context.RequestAborted)
                ?? throw GitHubApiError.BadJson(documentationUrl);
        }
        catch (JsonException)
        {
            throw GitHubApiError.BadJson(documentationUrl);
        }
    }

    public static Task WriteJsonAsync<T>(this HttpContext context, int status, T body, JsonTypeInfo<T> typeInfo)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(body, typeInfo, JsonContentType, context.RequestAborted);
    }

    /// <summary>201 with the new resource's URL in <c>Location</c>, as GitHub answers every create.</summary>
    public static Task WriteCreatedAsync<T>(this HttpContext context, T body, string url, JsonTypeInfo<T> typeInfo)
    {
        context.Response.Headers.Location = url;
        return context.WriteJsonAsync(201, body, typeInfo);
    }

    /// <summary>
    /// Writes one page of a list (<c>per_page</c> default 30, at most 100; <c>page</c> from 1) with GitHub's
    /// <c>Link</c> header, which is what Octokit's GetAll methods follow.
    /// </summary>
    public static Task WritePageAsync<T>(this HttpContext context, IReadOnlyList<T> items, JsonTypeInfo<IReadOnlyList<T>> typeInfo)
    {
        var perPage = Math.Clamp(QueryInt(context, "per_page", 30), 1, 100);
        var page = Math.Max(QueryInt(context, "page", 1), 1);
        var lastPage = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var links = new List<string>();
        if (page < lastPage)
        {
            links.Add($"<{PageUrl(context, page + 1)}>; rel=\"next\"");
            links.Add($"<{PageUrl(context, lastPage)}>; rel=\"last\"");
        }
        if (page > 1)
        {
            links.Add($"<{PageUrl(context, 1)}>; rel=\"first\"");
            links.Add($"<{PageUrl(context, page - 1)}>; rel=\"prev\"");
        }
        if (links.Count > 0)
            context.Response.Headers.Link = string.Join(", ", links);
        IReadOnlyList<T> slice = [.. items.Skip((page - 1) * perPage).Take(perPage)];
        return context.WriteJsonAsync(200, slice, typeInfo);
    }

    public static string? Query(this HttpContext context, string name) =>
        context.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    private static int QueryInt(HttpContext context, string name, int fallback) =>
        int.TryParse(context.Query(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static string PageUrl(HttpContext context, int page)
    {
        var query = context.Request.Query
            .Where(q => q.Key != "page")
            .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value.ToString()))
            .Append("page=" + page.ToString(CultureInfo.InvariantCulture));
        var request = context.Request;
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{string.Join("&", query)}";
    }
}
