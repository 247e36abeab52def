namespace AdvisoryPipeline.FakeGitHub.Api;

/// <summary>The <c>documentation_url</c> GitHub puts in an error body, per endpoint.</summary>
internal static class DocumentationUrls
{
    private const string Rest = "https://docs.github.com/rest";

    public const string Root = Rest;
    public const string GetRepository = Rest + "/repos/repos#get-a-repository";
    public const string GetReference = Rest + "/git/refs#get-a-reference";
    public const string CreateReference = Rest + "/git/refs#create-a-reference";
    public const string UpdateReference = Rest + "/git/refs#update-a-reference";
    public const string DeleteReference = Rest + "/git/refs#delete-a-reference";
    public const string GetCommit = Rest + "/git/commits#get-a-commit-object";
    public const string CreateCommit = Rest + "/git/commits#create-a-commit";
    public const string GetTree = Rest + "/git/trees#get-a-tree";
    public const string CreateTree = Rest + "/git/trees#create-a-tree";
    public const string GetBlob = Rest + "/git/blobs#get-a-blob";
    public const string CreateBlob = Rest + "/git/blobs#create-a-blob";
    public const string ListPulls = Rest + "/pulls/pulls#list-pull-requests";
    public const string CreatePull = Rest + "/pulls/pulls#create-a-pull-request";
    public const string GetPull = Rest + "/pulls/pulls#get-a-pull-request";
    public const string ListAdvisories = Rest + "/security-advisories/repository-advisories#list-repository-security-advisories";
    public const string CreateAdvisory = Rest + "/security-advisories/repository-advisories#create-a-repository-security-advisory";
    public const string GetAdvisory = Rest + "/security-advisories/repository-advisories#get-a-repository-security-advisory";
    public const string UpdateAdvisory = Rest + "/security-advisories/repository-advisories#update-a-repository-security-advisory";
    public const string RateLimit = Rest + "/rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user";
}
