using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace AdvisoryPipeline.FakeGitHub.Api;

/// <summary>Reading requests and writing responses the way GitHub does, for the endpoint classes.</summary>
internal static class HttpExchange
{
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>What a cursor encodes before the item's key (GitHub's cursors are opaque base64 too).</summary>
    private const string CursorPrefix = "cursor:v2:";

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

    /// <summary>
    /// Writes one page of a list that GitHub paginates by cursor, as it does repository security advisories:
    /// <c>per_page</c> (default 30, at most 100) items after the <c>after</c> cursor or before the <c>before</c>
    /// one, and a <c>Link</c> header with <c>rel="next"</c> and <c>rel="prev"</c> only (no first or last page, no
    /// page numbers: a client must follow the links). An unknown cursor is a 400, as on GitHub.
    /// </summary>
    public static Task WriteCursorPageAsync<T>(this HttpContext context, IReadOnlyList<T> items, Func<T, string> keyOf, JsonTypeInfo<IReadOnlyList<T>> typeInfo, string documentationUrl)
    {
        var perPage = Math.Clamp(QueryInt(context, "per_page", 30), 1, 100);
        int IndexOf(string cursor)
        {
            var key = CursorKey(cursor);
            var index = key is null ? -1 : items.Select(keyOf).ToList().IndexOf(key);
            return index >= 0 ? index : throw new GitHubApiError(400, "The cursor is not valid.", documentationUrl);
        }
        var (start, end) = (context.Query("after"), context.Query("before")) switch
        {
            ({ } after, _) => (IndexOf(after) + 1, items.Count),
            (null, { } before) => (Math.Max(0, IndexOf(before) - perPage), IndexOf(before)),
            _ => (0, items.Count),
        };
        IReadOnlyList<T> slice = [.. items.Skip(start).Take(Math.Min(perPage, end - start))];
        var links = new List<string>();
        if (slice.Count > 0 && start + slice.Count < items.Count)
            links.Add($"<{CursorUrl(context, "after", keyOf(slice[^1]))}>; rel=\"next\"");
        if (slice.Count > 0 && start > 0)
            links.Add($"<{CursorUrl(context, "before", keyOf(slice[0]))}>; rel=\"prev\"");
        if (links.Count > 0)
            context.Response.Headers.Link = string.Join(", ", links);
        return context.WriteJsonAsync(200, slice, typeInfo);
    }

    public static string? Query(this HttpContext context, string name) =>
        context.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    private static int QueryInt(HttpContext context, string name, int fallback) =>
        int.TryParse(context.Query(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static string CursorUrl(HttpContext context, string direction, string key)
    {
        var cursor = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(CursorPrefix + key));
        var query = context.Request.Query
            .Where(q => q.Key is not ("page" or "after" or "before"))
            .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value.ToString()))
            .Append(direction + "=" + Uri.EscapeDataString(cursor));
        var request = context.Request;
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{string.Join("&", query)}";
    }

    private static string? CursorKey(string cursor)
    {
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith(CursorPrefix, StringComparison.Ordinal) ? text[CursorPrefix.Length..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

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
