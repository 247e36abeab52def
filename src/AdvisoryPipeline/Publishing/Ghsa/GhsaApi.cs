using AdvisoryPipeline.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AdvisoryPipeline.Publishing.GitHub;
using Octokit;

namespace AdvisoryPipeline.Publishing.Ghsa;

/// <summary>
/// GitHub's repository security advisory endpoints (<c>/repos/{owner}/{repo}/security-advisories</c>) through
/// Octokit's <see cref="IConnection"/>, which has no client for them: request bodies are serialised by
/// <see cref="GhsaJsonContext"/> and given to Octokit as strings (sent untouched); answers are read from the raw
/// response body. Every request goes through the shared <see cref="GitHubRequestRunner"/> (retries, rate limits,
/// the waiting budget); a refusal a retry does not fix becomes a <see cref="PublishFailedException"/> without the
/// token and with GitHub's exception inside.
/// </summary>
internal sealed class GhsaApi
{
    private const string Accepts = "application/vnd.github+json";
    private const string JsonContentType = "application/json";

    /// <summary>GitHub's largest page: a list of a few hundred advisories takes a few requests.</summary>
    private const string PageSize = "100";

    private readonly IConnection _connection;
    private readonly GitHubRequestRunner _runner;
    private readonly Uri _apiBase;
    private readonly string _advisoriesPath;

    public GhsaApi(IConnection connection, Uri apiBase, string owner, string repository, GitHubRequestRunner runner)
    {
        _connection = connection;
        _apiBase = apiBase;
        _runner = runner;
        FullName = $"{owner}/{repository}";
        _advisoriesPath = $"repos/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(repository)}/security-advisories";
    }

    public string FullName { get; }

    /// <summary>
    /// Every advisory of the repository, whatever its state, page after page as GitHub's <c>Link</c> header
    /// leads (the list is paginated by cursor, so the next page's address is only known from it).
    /// </summary>
    public async Task<IReadOnlyList<GhsaAdvisory>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await ListJsonAsync(cancellationToken)).Select(GhsaAdvisory.From).OfType<GhsaAdvisory>()];

    /// <summary>Every advisory as GitHub answers it (all members the importer reads), page after page.</summary>
    public async Task<IReadOnlyList<GhsaAdvisoryJson>> ListJsonAsync(CancellationToken cancellationToken)
    {
        var advisories = new List<GhsaAdvisoryJson>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Uri? page = new(_advisoriesPath, UriKind.Relative);
        IDictionary<string, string>? parameters = new Dictionary<string, string> { ["per_page"] = PageSize };
        for (var number = 1; page is not null; number++)
        {
            var (uri, query) = (page, parameters);
            var (items, next) = await SendAsync($"list the security advisories (page {number})", () => ReadPageAsync(uri, query, cancellationToken), cancellationToken);
            advisories.AddRange(items);
            if (next is not null && !visited.Add(next.AbsoluteUri))
                throw new PublishFailedException($"Could not list the security advisories of {FullName}: GitHub's pages lead back to page {number}.");
            (page, parameters) = (next, null);
        }
        return advisories;
    }

    /// <summary>Creates a draft. A lost answer is checked by listing the advisories again for the record's marker, so it is never created twice.</summary>
    public Task<GhsaAdvisory> CreateAsync(string osvId, GhsaAdvisoryBody body, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(body, GhsaJsonContext.Default.GhsaAdvisoryBody);
        var action = $"create the draft advisory of {osvId}";
        return SendAsync(action, async () => Advisory(action, await _connection.Post<string>(
                new Uri(_advisoriesPath, UriKind.Relative), json, Accepts, JsonContentType, (IDictionary<string, string>?)null, cancellationToken)),
            cancellationToken,
            check: async () => (await ListAsync(cancellationToken)).FirstOrDefault(advisory => advisory.Marker?.OsvId == osvId) is { } made
                ? WriteCheck<GhsaAdvisory>.Completed(made)
                : WriteCheck<GhsaAdvisory>.NotDone);
    }

    /// <summary>Changes the fields in <paramref name="body"/>; sending the same update twice is harmless, so it is simply sent again when its answer is lost.</summary>
    public Task<GhsaAdvisory> UpdateAsync(string ghsaId, string osvId, GhsaAdvisoryBody body, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(body, GhsaJsonContext.Default.GhsaAdvisoryBody);
        var action = $"update {ghsaId} (the draft of {osvId})";
        var uri = new Uri($"{_advisoriesPath}/{Uri.EscapeDataString(ghsaId)}", UriKind.Relative);
        return SendAsync(action, async () => Advisory(action, await _connection.Patch<string>(uri, json, Accepts)), cancellationToken);
    }

    /// <summary>
    /// <c>POST .../security-advisories/{ghsa_id}/cve</c>: asks GitHub (a CNA) to assign a CVE ID. False when GitHub
    /// refuses because one was already requested or assigned (422), which is what a repeated request means.
    /// </summary>
    public async Task<bool> RequestCveAsync(string ghsaId, string osvId, CancellationToken cancellationToken)
    {
        var uri = new Uri($"{_advisoriesPath}/{Uri.EscapeDataString(ghsaId)}/cve", UriKind.Relative);
        try
        {
            await SendAsync($"request a CVE ID for {ghsaId} (the draft of {osvId})",
                async () => await _connection.Post<string>(uri, "{}", Accepts, JsonContentType, (IDictionary<string, string>?)null, cancellationToken), cancellationToken);
            return true;
        }
        catch (PublishFailedException refused) when (refused.InnerException is ApiValidationException)
        {
            return false;
        }
    }

    private async Task<(IReadOnlyList<GhsaAdvisoryJson> Items, Uri? Next)> ReadPageAsync(Uri page, IDictionary<string, string>? parameters, CancellationToken cancellationToken)
    {
        var response = await _connection.Get<string>(page, parameters, Accepts, cancellationToken);
        var items = Read(response.HttpResponse, GhsaJsonContext.Default.IReadOnlyListGhsaAdvisoryJson, "the list of security advisories");
        var next = response.HttpResponse.ApiInfo?.Links is { } links && links.TryGetValue("next", out var link) ? link : null;
        // The token goes with every request: a link to another server is not followed.
        if (next is not null && (!next.IsAbsoluteUri || Uri.Compare(next, _apiBase, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0))
            throw new PublishFailedException(Secrets.Redact($"Could not list the security advisories of {FullName}: GitHub's next page is on another server ({next.GetLeftPart(UriPartial.Authority)})."));
        return (items, next);
    }

    private GhsaAdvisory Advisory(string action, IApiResponse<string> response) =>
        GhsaAdvisory.From(Read(response.HttpResponse, GhsaJsonContext.Default.GhsaAdvisoryJson, $"'{action}'"))
        ?? throw new PublishFailedException($"Could not {action} in {FullName}: GitHub's answer names no advisory.");

    private T Read<T>(IResponse response, JsonTypeInfo<T> type, string what)
    {
        try
        {
            return (response.Body is string body ? JsonSerializer.Deserialize(body, type) : default)
                ?? throw new JsonException("the body is empty or not text");
        }
        catch (JsonException invalid)
        {
            throw new PublishFailedException(Secrets.Redact($"GitHub answered {what} in {FullName} with something other than the JSON it documents: {invalid.Message}"), invalid);
        }
    }

    private Task<T> SendAsync<T>(string action, Func<Task<T>> send, CancellationToken cancellationToken, Func<Task<WriteCheck<T>>>? check = null) =>
        _runner.SendToAsync(FullName, action, send, check, cancellationToken);
}
