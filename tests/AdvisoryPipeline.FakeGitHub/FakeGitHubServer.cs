using System.Collections.Concurrent;
using AdvisoryPipeline.FakeGitHub.Api;
using AdvisoryPipeline.FakeGitHub.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdvisoryPipeline.FakeGitHub;

/// <summary>
/// A GitHub REST API server on 127.0.0.1 (random port) for tests: a real Kestrel server that real clients such
/// as Octokit talk to over TCP. Routes live at the root of <see cref="BaseUri"/>, like https://api.github.com/.
/// <code>
/// await using var github = await FakeGitHubServer.StartNewAsync();
/// var repo = github.CreateRepository("acme", "advisories");
/// github.Faults.Add("PATCH", "/repos/acme/advisories/git/refs/**", Fault.ServerError());
/// … run the code under test against github.BaseUri with github.Token …
/// Assert.Equal(0, github.Requests.Since(mark).Count(r => r.IsWrite));
/// </code>
/// </summary>
public sealed class FakeGitHubServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, FakeRepository> _repositories = new(StringComparer.OrdinalIgnoreCase);
    private readonly GhsaIdGenerator _ghsaIds;
    private WebApplication? _app;
    private Uri? _baseUri;
    private long _lastId = 1000;
    private int _treeEntryLimit;

    public FakeGitHubServer(FakeGitHubOptions? options = null)
    {
        var settings = options ?? new FakeGitHubOptions();
        Token = settings.Token;
        UserLogin = settings.UserLogin;
        Clock = settings.Clock ?? TimeProvider.System;
        TreeEntryLimit = settings.TreeEntryLimit;
        _ghsaIds = new GhsaIdGenerator(settings.RandomSeed);
        RateLimit = new RateLimitCounter(5000, Clock.GetUtcNow().AddHours(1));
    }

    public static async Task<FakeGitHubServer> StartNewAsync(FakeGitHubOptions? options = null)
    {
        var server = new FakeGitHubServer(options);
        await server.StartAsync();
        return server;
    }

    public string Token { get; }

    public string UserLogin { get; }

    /// <summary>The API root, e.g. <c>http://127.0.0.1:54321/</c>; use it as given (like GITHUB_API_URL).</summary>
    public Uri BaseUri => _baseUri ?? throw new InvalidOperationException("The fake GitHub server is not started.");

    public RequestLog Requests { get; } = new();

    public FaultInjector Faults { get; } = new();

    /// <summary>Tree listings with more entries are cut to this many and flagged <c>"truncated": true</c>.</summary>
    public int TreeEntryLimit
    {
        get => _treeEntryLimit;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            ArgumentOutOfRangeException.ThrowIfEqual(value, int.MaxValue);
            _treeEntryLimit = value;
        }
    }

    internal TimeProvider Clock { get; }

    internal RateLimitCounter RateLimit { get; }

    /// <summary>
    /// Creates a repository whose default branch holds one commit with a README, as GitHub does when asked to
    /// initialise a repository. Names are case-insensitive, as on GitHub.
    /// </summary>
    public FakeRepository CreateRepository(string owner, string name, string defaultBranch = "main")
    {
        var repository = new FakeRepository(NextId(), owner, name, defaultBranch, Clock, UserLogin);
        if (!_repositories.TryAdd(owner + "/" + name, repository))
            throw new InvalidOperationException($"Repository {owner}/{name} already exists.");
        repository.Initialise($"# {name}\n");
        return repository;
    }

    public FakeRepository Repository(string owner, string name) =>
        FindRepository(owner, name) ?? throw new InvalidOperationException($"No repository {owner}/{name}.");

    internal FakeRepository? FindRepository(string owner, string name) => _repositories.GetValueOrDefault(owner + "/" + name);

    /// <summary>The repository named by the route, or GitHub's 404 (which is also what a private repository gives outsiders).</summary>
    internal FakeRepository RequireRepository(HttpContext context, string documentationUrl) =>
        FindRepository(context.Route("owner"), context.Route("repo")) ?? throw GitHubApiError.NotFound(documentationUrl);

    internal long NextId() => Interlocked.Increment(ref _lastId);

    internal string NewGhsaId() => _ghsaIds.Next();

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
            throw new InvalidOperationException("The fake GitHub server is already started.");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--urls", "http://127.0.0.1:0"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        new RequestPipeline(this).Use(app);
        // Response URLs need the bound port, which is known only once Kestrel has started, after routes are mapped.
        var bodies = new Lazy<ApiBodies>(() => new ApiBodies(BaseUri));
        new RepositoryEndpoints(this, bodies).Map(app);
        new GitDataEndpoints(this, bodies).Map(app);
        new PullRequestEndpoints(this, bodies).Map(app);
        new SecurityAdvisoryEndpoints(this, bodies).Map(app);
        app.MapFallback(_ => throw GitHubApiError.NotFound(DocumentationUrls.Root));
        await app.StartAsync(cancellationToken);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _baseUri = new Uri(address.TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is null)
            return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }
}
