using System.CommandLine;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Lifecycle;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary>
/// <c>advisory init [DIR]</c>: sets up a repository for advisories (<see cref="DatabaseScaffold"/>): the commented
/// <c>advisories/database.yaml</c> (<see cref="DatabaseConfigTemplate"/>), the authoring schema for the prefix, the output
/// folder in <c>.gitignore</c>, and the pull-request and publish workflows that use the GitHub Action. It never replaces
/// a file; <c>--print</c> shows the commented <c>database.yaml</c> instead, to copy blocks from.
/// </summary>
public static class InitCommand
{
    public static Command Create(CliEnvironment env)
    {
        var folder = new Argument<string>("DIR")
        {
            Description = "The repository to set up (its root)",
            DefaultValueFactory = _ => ".",
        };
        var prefix = new Option<string?>("--prefix", "--id-prefix")
        {
            Description = "The prefix of every advisory ID (ACME gives ACME-2026-1); it never changes",
            HelpName = "PREFIX",
        };
        var name = new Option<string>("--name")
        {
            Description = "The database's name, shown on pages, feeds and mails",
            DefaultValueFactory = _ => "Security Advisories",
            HelpName = "NAME",
        };
        var siteUrl = new Option<string?>("--site-url")
        {
            Description = "Where the rendered site is published (advisory pages are SITE_URL/ID/)",
            HelpName = "URL",
        };
        var contact = new Option<string?>("--contact")
        {
            Description = "Where to report vulnerabilities: mailto:ADDRESS (also the sender of announcements) or an https: page",
            HelpName = "URI",
        };
        var action = new Option<string>("--action")
        {
            Description = "The GitHub Action the workflows use",
            DefaultValueFactory = _ => AdopterWorkflows.DefaultAction,
            HelpName = "OWNER/REPO@REF",
        };
        var advisories = new Option<string>("--advisories")
        {
            Description = "The folder of the advisories, relative to DIR: database.yaml goes there, and the workflows check and publish it. "
                + "An existing database keeps its folder and its files (--advisories vulns)",
            DefaultValueFactory = _ => DatabaseFiles.AdvisoryFolder,
            HelpName = "FOLDER",
        };
        var print = new Option<bool>("--print") { Description = "Print the commented database.yaml instead of writing anything" };
        var command = new Command("init",
            "Set up a repository for advisories: a commented advisories/database.yaml, the editor schema, out/ in .gitignore, "
            + "and the pull-request and publish workflows that use the GitHub Action. Never replaces a file.")
        {
            folder, prefix, name, siteUrl, contact, action, advisories, print,
        };
        command.SetAction(parse =>
        {
            var root = Path.GetFullPath(parse.GetValue(folder)!, env.WorkingDirectory);
            var idPrefix = parse.GetValue(prefix) ?? (parse.GetValue(print) ? "EXAMPLE" : throw new UsageException(
                $"--prefix is required: every advisory ID starts with it, for good (ACME-2026-1); e.g. advisory init --prefix {SuggestedPrefix(root)}"));
            if (idPrefix.Length == 0 || !idPrefix.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                throw new UsageException($"--prefix {idPrefix}: use letters, digits and dashes only, e.g. ACME");
            var advisoryFolder = parse.GetValue(advisories)!.Replace('\\', '/').TrimEnd('/');
            if (!DatabaseScaffoldRequest.IsAdvisoryFolder(advisoryFolder))
                throw new UsageException($"--advisories {parse.GetValue(advisories)}: name a folder inside the repository, relative to it, "
                    + "of letters, digits, '.', '_' and '-' (e.g. advisories, or vulns for an existing database)");
            var request = new DatabaseScaffoldRequest(parse.GetValue(name)!, idPrefix, parse.GetValue(siteUrl), parse.GetValue(contact), parse.GetValue(action)!,
                advisoryFolder);
            if (!AdopterWorkflows.IsActionReference(request.Action))
                throw new UsageException($"--action {request.Action}: write OWNER/REPO@REF, e.g. {AdopterWorkflows.DefaultAction}, or ./PATH for an action in the repository itself");
            // A contact that is not a mail address breaks the mailing list too: the policy's rule says what a contact may be.
            if (DatabaseScaffold.Problems(request).OrderBy(p => p.Pointer?.StartsWith("/mailing_list/", StringComparison.Ordinal) == true).FirstOrDefault() is { } problem)
                throw new UsageException(Describe(problem, request));
            if (parse.GetValue(print))
            {
                env.Out.Write(DatabaseConfigTemplate.Text(request.Name, request.IdPrefix, request.SiteUrl, request.Contact));
                return ExitCodes.Success;
            }
            if (File.Exists(root))
                throw new UsageException($"{parse.GetValue(folder)} is a file: name the folder of the repository to set up");

            var result = DatabaseScaffold.Write(root, request, env.WorkingDirectory);
            string Shown(string relative) => AdvisoryFileDiscovery.Display(Path.Combine(root, relative), env.WorkingDirectory);
            foreach (var written in result.Written) env.Out.WriteLine($"created {Shown(written)}");
            if (result.GitIgnore is { } change) env.Out.WriteLine($"{change} {Shown(DatabaseScaffold.GitIgnorePath)}: {DatabaseScaffold.OutputPattern}");
            env.Out.WriteLine("next:");
            if (!string.Equals(root, Path.GetFullPath(env.WorkingDirectory), StringComparison.Ordinal))
                env.Out.WriteLine($"  cd {Shown(".")}");
            // Commands default to advisories/: another folder is named in each.
            var usual = advisoryFolder == DatabaseFiles.AdvisoryFolder;
            var dir = usual ? "" : " --dir " + advisoryFolder;
            var paths = usual ? "" : " " + advisoryFolder;
            env.Out.WriteLine($"  {$"advisory new{dir} --package ECOSYSTEM/NAME",-39} write an advisory, e.g. --package PyPI/NAME");
            env.Out.WriteLine($"  {$"advisory validate{paths}",-39} check the advisories");
            env.Out.WriteLine($"  {$"advisory run{paths}",-39} publish the OSV records to out/osv, render the site, pages and mails to out/");
            env.Out.WriteLine("then commit and push: the workflows validate pull requests and publish on merge");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The option a finding of the generated <c>database.yaml</c> comes from, and what to write instead.</summary>
    private static string Describe(Finding problem, DatabaseScaffoldRequest request)
    {
        var (option, value) = problem.Pointer switch
        {
            "/name" => ("--name", request.Name),
            "/site_url" => ("--site-url", request.SiteUrl),
            { } pointer when pointer.StartsWith("/policy/", StringComparison.Ordinal) || pointer.StartsWith("/mailing_list/", StringComparison.Ordinal)
                => ("--contact", request.Contact),
            _ => ("--prefix", request.IdPrefix),
        };
        return $"{option} {value}: {problem.Hint ?? problem.Message}";
    }

    /// <summary>A prefix made from the repository's folder name (acme-widgets: ACME), for the example in the message.</summary>
    private static string SuggestedPrefix(string root)
    {
        var word = new string(Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)).TakeWhile(char.IsAsciiLetterOrDigit).ToArray());
        return word.Length is >= 2 and <= 12 ? word.ToUpperInvariant() : "ACME";
    }
}
