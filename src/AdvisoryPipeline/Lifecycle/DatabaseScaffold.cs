using System.Text;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Lifecycle;

/// <summary>What <c>advisory init</c> is asked for.</summary>
/// <param name="Name">The database's name.</param>
/// <param name="IdPrefix">The prefix of its advisory IDs.</param>
/// <param name="SiteUrl">Where the rendered site is published, or null.</param>
/// <param name="Contact">Where to report vulnerabilities (<c>mailto:</c>, <c>https:</c> or <c>tel:</c>), or null.</param>
/// <param name="Action">The <c>uses:</c> reference of the GitHub Action in the workflows.</param>
/// <param name="AdvisoryFolder">
/// The folder of the advisories, relative to the repository root ('/'-separated): <c>advisories</c>, or the folder of an
/// existing database (<c>vulns</c> in PyPA's layout), whose files stay as they are.
/// </param>
public sealed record DatabaseScaffoldRequest(
    string Name,
    string IdPrefix,
    string? SiteUrl = null,
    string? Contact = null,
    string Action = AdopterWorkflows.DefaultAction,
    string AdvisoryFolder = DatabaseFiles.AdvisoryFolder)
{
    /// <summary>Where <c>database.yaml</c> goes: in the advisory folder.</summary>
    public string ConfigPath => AdvisoryFolder + "/" + DatabaseFiles.ConfigFile;

    /// <summary>
    /// Whether <paramref name="folder"/> can be the advisory folder: a relative path inside the repository, of plain names
    /// (letters, digits, '.', '_', '-'), which the workflows can name without quoting.
    /// </summary>
    public static bool IsAdvisoryFolder(string folder) =>
        folder.Length > 0 && folder.Split('/').All(part => part.Length > 0 && part is not "." and not ".."
            && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'));
}

/// <summary>A file of the scaffold: its path relative to the repository root ('/'-separated) and its text.</summary>
public sealed record ScaffoldFile(string RelativePath, string Text);

/// <summary>What <see cref="DatabaseScaffold.Write"/> did, each path relative to the repository root.</summary>
/// <param name="Written">The files created, in the order written.</param>
/// <param name="GitIgnore">How <c>.gitignore</c> came to ignore the output: created, appended to, or null when it did already.</param>
public sealed record ScaffoldResult(IReadOnlyList<string> Written, string? GitIgnore);

/// <summary>
/// The repository that <c>advisory init</c> sets up, everything a team needs besides the tool itself: the commented
/// <c>advisories/database.yaml</c>, the authoring schema for its prefix (editors validate advisories against it through
/// the modeline <c>advisory new</c> writes), the output folder ignored by git, and the pull-request and publish
/// workflows that run the tool through its GitHub Action. It never replaces a file: when any of them exists, nothing
/// is written at all.
/// </summary>
public static class DatabaseScaffold
{
    /// <summary>Where <c>database.yaml</c> goes in the usual layout.</summary>
    public const string ConfigPath = DatabaseFiles.AdvisoryFolder + "/" + DatabaseFiles.ConfigFile;

    public const string GitIgnorePath = ".gitignore";

    /// <summary>What <c>advisory run</c> and <c>render</c> write by default, at the repository root.</summary>
    public const string OutputPattern = "/out/";

    /// <summary>The files to create, in the order they are written.</summary>
    public static IReadOnlyList<ScaffoldFile> Files(DatabaseScaffoldRequest request) =>
    [
        new(request.ConfigPath, DatabaseConfigTemplate.Text(request.Name, request.IdPrefix, request.SiteUrl, request.Contact)),
        new(AuthoringSchemaFile.RelativePath, AuthoringSchemaFile.For(request.IdPrefix)),
        new(AdopterWorkflows.PullRequestPath, AdopterWorkflows.PullRequest(request.Action, request.AdvisoryFolder)),
        new(AdopterWorkflows.PublishPath, AdopterWorkflows.Publish(request.Action, request.AdvisoryFolder)),
    ];

    /// <summary>
    /// What is wrong with the request's values, as the errors of the <c>database.yaml</c> they make, each with the pointer
    /// of its key: the rules of <c>database.yaml</c> are the one place that says what a name, prefix, site URL or contact
    /// may be.
    /// </summary>
    public static IReadOnlyList<Finding> Problems(DatabaseScaffoldRequest request)
    {
        var text = DatabaseConfigTemplate.Text(request.Name, request.IdPrefix, request.SiteUrl, request.Contact);
        return [.. DatabaseConfigLoader.Load(ConfigPath, Encoding.UTF8.GetBytes(text)).Findings.Where(f => f.IsError)];
    }

    /// <summary>
    /// Checks that none of the files exists, then writes them all under <paramref name="root"/> and makes <c>.gitignore</c>
    /// ignore the output (appending a line when the file exists, never twice).
    /// </summary>
    /// <exception cref="UsageException">Some of the files exist (named, relative to <paramref name="workingDirectory"/>); nothing was written.</exception>
    public static ScaffoldResult Write(string root, DatabaseScaffoldRequest request, string workingDirectory)
    {
        var files = Files(request);
        string Full(string relative) => Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
        string Shown(string relative) => AdvisoryFileDiscovery.Display(Full(relative), workingDirectory);

        var taken = files.Select(f => f.RelativePath).Where(p => Path.Exists(Full(p))).ToList();
        if (Directory.Exists(Full(GitIgnorePath))) taken.Add(GitIgnorePath);
        if (File.Exists(Full(request.AdvisoryFolder))) taken.Add(request.AdvisoryFolder);
        if (taken.Count > 0)
            throw new UsageException(
                $"{string.Join(", ", taken.Select(Shown))} {(taken.Count == 1 ? "exists" : "exist")} already, and advisory init never replaces a file: "
                + "nothing was written. Move it aside and run advisory init again, or copy what you need from advisory init --print "
                + "(the commented database.yaml)");

        var written = new List<string>();
        foreach (var file in files)
        {
            var path = Full(file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                stream.Write(Encoding.UTF8.GetBytes(file.Text));
            written.Add(file.RelativePath);
        }

        var gitIgnore = Full(GitIgnorePath);
        var existing = File.Exists(gitIgnore) ? File.ReadAllText(gitIgnore) : null;
        string? change = null;
        if (GitIgnoreAddition(existing) is { } addition)
        {
            File.AppendAllText(gitIgnore, addition, new UTF8Encoding(false));
            change = existing is null ? "created" : "appended to";
        }
        return new ScaffoldResult(written, change);
    }

    /// <summary>The lines to append to a <c>.gitignore</c> (null: none) so that it ignores the output folder; null when it does already.</summary>
    public static string? GitIgnoreAddition(string? existing)
    {
        if (existing is not null && existing.Split('\n').Any(line => line.Trim() is "out" or "out/" or "/out" or "/out/")) return null;
        var newLine = existing?.Contains("\r\n", StringComparison.Ordinal) == true ? "\r\n" : "\n";
        var separator = existing is { Length: > 0 } && !existing.EndsWith('\n') ? newLine : "";
        return $"{separator}# What advisory run and advisory render write.{newLine}{OutputPattern}{newLine}";
    }
}
