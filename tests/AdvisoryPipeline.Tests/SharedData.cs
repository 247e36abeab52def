namespace AdvisoryPipeline.Tests;

/// <summary>
/// Locates the repository root and <c>../shared</c> beside it. Tests read shared data in place;
/// a missing folder fails loudly instead of silently skipping.
/// </summary>
public static class SharedData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Root
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
            if (!Directory.Exists(path))
                throw new DirectoryNotFoundException(
                    $"The shared test data folder is missing: expected {path} (../shared beside the repository root). See the README.");
            return path;
        }
    }

    public static string PathOf(params string[] parts)
    {
        var path = Path.Combine([Root, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new FileNotFoundException($"Shared test data not found: {path}");
        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AdvisoryPipeline.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Cannot find AdvisoryPipeline.sln above " + AppContext.BaseDirectory);
    }
}
