using AdvisoryPipeline.Diagnostics;
using System.Runtime.ExceptionServices;
using Octokit;

namespace AdvisoryPipeline.Publishing.GitHub;

/// <summary>The result of checking whether a write whose outcome is unknown took effect.</summary>
internal readonly record struct WriteCheck<T>(bool Done, T Value)
{
    public static WriteCheck<T> NotDone => new(false, default!);

    public static WriteCheck<T> Completed(T value) => new(true, value);
}

/// <summary>
/// Sends requests with retries (<see cref="GitHubFailures"/>), within a total waiting budget for the whole publish,
/// and counts them. A request is repeated as is only when repeating is harmless: reads, and the creation of trees and
/// commits, which are content-addressed (the same content gives the same object, commits included because their
/// dates are explicit). A write that is not (moving a ref, creating a ref or a pull request) whose outcome is
/// unknown is checked first with its <c>check</c> function, and only sent again if it did not happen.
/// </summary>
internal sealed class GitHubRequestRunner(GitHubRetryOptions options, Func<TimeSpan, CancellationToken, Task> delay, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private TimeSpan _waited;
    private int _requests;

    /// <summary>Requests sent so far (attempts included).</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    public Task<T> SendAsync<T>(string action, Func<Task<T>> send, CancellationToken cancellationToken) =>
        SendAsync(action, send, check: null, cancellationToken);

    /// <param name="action">What the request does, for messages ("create the commit").</param>
    /// <param name="send">Sends the request once.</param>
    /// <param name="check">For a write that must not happen twice: whether it already happened (reads only).</param>
    /// <param name="cancellationToken">Cancels waits and requests.</param>
    /// <exception cref="ApiException">GitHub refused the request for a reason a retry does not fix.</exception>
    /// <exception cref="PublishFailedException">The attempts or the waiting budget ran out.</exception>
    public async Task<T> SendAsync<T>(string action, Func<Task<T>> send, Func<Task<WriteCheck<T>>>? check, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Exception failure;
            try
            {
                Interlocked.Increment(ref _requests);
                return await send();
            }
            catch (Exception e) when (e is ApiException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                failure = e;
            }
            var advice = GitHubFailures.Advise(failure, attempt, options, clock.GetUtcNow());
            if (advice is null)
                ExceptionDispatchInfo.Throw(failure);
            if (attempt >= options.MaxAttempts)
                throw new PublishFailedException(Secrets.Redact($"GitHub did not let the publisher {action}: {advice.Reason}, {attempt} times in a row."), failure);
            await WaitAsync(action, advice, failure, cancellationToken);
            if (advice.OutcomeUnknown && check is not null && await check() is { Done: true } done)
                return done.Value;
        }
    }

    /// <summary>
    /// As <see cref="SendAsync{T}(string, Func{Task{T}}, Func{Task{WriteCheck{T}}}?, CancellationToken)"/>, with a
    /// refusal that a retry does not fix turned into a <see cref="PublishFailedException"/> that names
    /// <paramref name="repository"/> and keeps GitHub's exception as its inner exception.
    /// </summary>
    public async Task<T> SendToAsync<T>(string repository, string action, Func<Task<T>> send, Func<Task<WriteCheck<T>>>? check, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(action, send, check, cancellationToken);
        }
        catch (ApiException failure)
        {
            throw GitHubFailures.Final(action, repository, failure);
        }
    }

    private async Task WaitAsync(string action, RetryAdvice advice, Exception failure, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_waited + advice.Wait > options.TotalWaitLimit)
                throw new PublishFailedException(Secrets.Redact(
                    $"GitHub asked to wait {Minutes(advice.Wait)} before the publisher may {action} again ({advice.Reason}), "
                    + $"more than the {Minutes(options.TotalWaitLimit)} it waits in all. Publish again later."), failure);
            _waited += advice.Wait;
        }
        await delay(advice.Wait, cancellationToken);
    }

    private static string Minutes(TimeSpan wait) =>
        wait < TimeSpan.FromMinutes(2)
            ? FormattableString.Invariant($"{Math.Ceiling(wait.TotalSeconds):0} s")
            : FormattableString.Invariant($"{Math.Ceiling(wait.TotalMinutes):0} min");
}
