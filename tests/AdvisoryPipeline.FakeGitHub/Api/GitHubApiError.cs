namespace AdvisoryPipeline.FakeGitHub.Api;

/// <summary>
/// A request GitHub would refuse. Raised anywhere below an endpoint and written by the server as GitHub's error
/// body: <c>{"message", "documentation_url", "status"}</c>, plus <c>errors</c> for validation failures.
/// </summary>
public sealed class GitHubApiError(int status, string message, string documentationUrl, IReadOnlyList<ErrorDetail>? errors = null)
    : Exception(message)
{
    public int Status { get; } = status;

    public string DocumentationUrl { get; } = documentationUrl;

    public IReadOnlyList<ErrorDetail>? Errors { get; } = errors;

    public static GitHubApiError NotFound(string documentationUrl) => new(404, "Not Found", documentationUrl);

    public static GitHubApiError Unprocessable(string message, string documentationUrl) => new(422, message, documentationUrl);

    public static GitHubApiError ValidationFailed(string documentationUrl, params ErrorDetail[] errors) =>
        new(422, "Validation Failed", documentationUrl, errors);

    /// <summary>GitHub's wording for a required body field that is absent.</summary>
    public static GitHubApiError MissingField(string field, string documentationUrl) =>
        new(422, $"Invalid request.\n\n\"{field}\" wasn't supplied.", documentationUrl);

    public static GitHubApiError InvalidField(string field, string? value, string documentationUrl) =>
        new(422, $"Invalid request.\n\n\"{value}\" is not a valid value for \"{field}\".", documentationUrl);

    public static GitHubApiError TooLong(string field, int maximum, string documentationUrl) =>
        new(422, $"Invalid request.\n\n\"{field}\" is too long (maximum is {maximum} characters).", documentationUrl);

    public static GitHubApiError BadJson(string documentationUrl) => new(400, "Problems parsing JSON", documentationUrl);
}
