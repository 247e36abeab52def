using System.CommandLine;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Editing;
using AdvisoryPipeline.Lifecycle;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary><c>advisory new --package ECOSYSTEM/NAME …</c>: writes a new advisory with a placeholder ID.</summary>
public static class NewCommand
{
    /// <summary>Where editors find the authoring schema, relative to the repository root.</summary>
    public static readonly string SchemaPath = Path.Combine("schemas", "advisory.schema.json");

    public static Command Create(CliEnvironment env)
    {
        var package = new Option<string>("--package")
        {
            Description = "The affected package as ECOSYSTEM/NAME, e.g. PyPI/tessera-py, npm/@tessera/client, GIT/https://github.com/o/r",
            Required = true,
        };
        var introduced = new Option<string?>("--introduced") { Description = "First affected version (default: 0, the beginning)" };
        var fixedVersion = new Option<string?>("--fixed") { Description = "First version that is no longer affected" };
        var aliases = new Option<string[]>("--alias") { Description = "An ID of the same vulnerability elsewhere (CVE-…, GHSA-…); repeatable" };
        var summary = new Option<string?>("--summary") { Description = "One-line summary; also gives the placeholder ID its slug" };
        var dir = new Option<string>("--dir") { Description = "The advisory folder", DefaultValueFactory = _ => DatabaseFiles.AdvisoryFolder };
        var command = new Command("new", "Write a new advisory with a placeholder ID (PREFIX-0000-slug), ready to fill in.")
        {
            package, introduced, fixedVersion, aliases, summary, dir,
        };
        command.SetAction(parse => Run(env, AdvisoryDatabase.Open(env, parse.GetValue(dir)!), parse.GetValue(package)!,
            new Arguments(parse.GetValue(introduced), parse.GetValue(fixedVersion), parse.GetValue(aliases) ?? [], parse.GetValue(summary))));
        return command;
    }

    private sealed record Arguments(string? Introduced, string? Fixed, string[] Aliases, string? Summary);

    private static int Run(CliEnvironment env, AdvisoryDatabase database, string packageText, Arguments arguments)
    {
        if (!PackageArgument.TryParse(packageText, out var package, out var packageError)) throw new UsageException("--package " + packageError);
        if (database.Config.Ecosystems is { } allowed && !allowed.Contains(package.IsGit ? package.Ecosystem : Ecosystem.BaseName(package.Ecosystem)))
            throw new UsageException($"--package {packageText}: {package.Ecosystem} is not one of this database's ecosystems ({string.Join(", ", allowed)})");
        foreach (var (option, version) in new[] { ("--introduced", arguments.Introduced), ("--fixed", arguments.Fixed) })
            if (version is not null && NewAdvisoryTemplate.VersionProblem(package, version) is { } problem)
                throw new UsageException($"{option}: {problem}");
        foreach (var alias in arguments.Aliases)
            if (alias.Length == 0 || alias.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                throw new UsageException($"--alias \"{alias}\": an ID has no spaces or control characters");
        if (arguments.Summary is { } text && (text.Trim().Length == 0 || text.Any(char.IsControl)))
            throw new UsageException("--summary: one line of text, without line breaks or control characters");

        var folder = AdvisoryFolder.Load(database.FullPath, env.WorkingDirectory);
        var id = UniquePlaceholder(database, folder, AdvisoryId.SlugOf(arguments.Summary ?? package.Name));
        var fullPath = Path.Combine(database.FullPath, id + ".yaml");
        var request = new NewAdvisoryRequest(package, arguments.Introduced, arguments.Fixed, arguments.Aliases, arguments.Summary?.Trim());
        var schema = SchemaReference(database.FullPath);
        AdvisoryFileWriter.Write(fullPath, NewAdvisoryTemplate.Render(id, request, env.Clock.GetUtcNow(), schema, database.Config.SiteUrl), byteOrderMark: false);

        env.Out.WriteLine($"created {AdvisoryFileDiscovery.Display(fullPath, env.WorkingDirectory)} ({id})");
        if (schema is null)
            env.Error.WriteLine($"advisory: note: no {SchemaPath} found above {database.DisplayPath}, so the file has no schema modeline");
        var toFill = request.Summary is null ? "summary and details" : "details";
        env.Out.WriteLine($"fill in {toFill}, then run 'advisory validate'; 'advisory assign-ids' gives it its ID after review");
        return ExitCodes.Success;
    }

    /// <summary>The placeholder with this slug, or with -2, -3… appended, that no file name or record of the folder uses.</summary>
    internal static AdvisoryId UniquePlaceholder(AdvisoryDatabase database, AdvisoryFolder folder, string slug)
    {
        var taken = folder.Advisories.Select(a => a.Id).OfType<string>()
            .Concat(folder.Advisories.Select(a => Path.GetFileNameWithoutExtension(a.FullPath)))
            .ToHashSet(StringComparer.Ordinal);
        for (var n = 1; ; n++)
        {
            var id = AdvisoryId.Placeholder(database.IdPrefix, n == 1 ? slug : $"{slug}-{n}");
            if (!taken.Contains(id.ToString()) && !File.Exists(Path.Combine(database.FullPath, id + ".yaml"))) return id;
        }
    }

    /// <summary>The modeline's schema path, relative to the advisory folder: the nearest <c>schemas/advisory.schema.json</c> at or above it.</summary>
    internal static string? SchemaReference(string folder)
    {
        for (var current = new DirectoryInfo(folder); current is not null; current = current.Parent)
        {
            var schema = Path.Combine(current.FullName, SchemaPath);
            if (File.Exists(schema)) return Path.GetRelativePath(folder, schema).Replace(Path.DirectorySeparatorChar, '/');
        }
        return null;
    }
}
