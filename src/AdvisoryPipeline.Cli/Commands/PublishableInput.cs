using System.CommandLine;
using AdvisoryPipeline.Cli.Output;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary>
/// What the commands that produce public output start from: advisories that passed validation, split by
/// <see cref="PublishableSet"/> into what may be shown and what is held, with the database they belong to.
/// </summary>
public sealed record PublishableInput(
    ValidationRun Validation,
    DatabaseConfig Config,
    IReadOnlyList<LoadedAdvisory> Advisories,
    PublishableSet Set)
{
    private readonly Dictionary<string, string> _sources = Advisories
        .GroupBy(a => a.Id, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Document.Path, StringComparer.Ordinal);

    /// <summary>An advisory's source file, as the findings name it.</summary>
    public string? SourceOf(string id) => _sources.GetValueOrDefault(id);

    /// <summary>
    /// Validates, prints the findings to <paramref name="findingsOutput"/> when there are errors and stops (exit 1),
    /// else splits the advisories. One database at a time: the output of two configurations cannot be merged.
    /// </summary>
    /// <param name="preview">Placeholder IDs are shown too (pull-request previews); embargoed advisories never are.</param>
    public static PublishableInput Load(
        CommonValidationOptions options, ParseResult parse, CliEnvironment env, IReadOnlyList<string> paths,
        TimeProvider clock, bool preview, TextWriter findingsOutput)
    {
        var run = options.Run(parse, env with { Clock = clock }, paths, keepRecords: true);
        if (run.Report.HasErrors)
        {
            var writer = new TextFindingWriter(findingsOutput);
            foreach (var finding in run.Report.AllFindings.Where(f => f.IsError)) writer.Write(finding);
            throw new FindingsException(
                $"{run.Report.Errors} error(s) in the advisories: nothing was produced (see advisory validate)");
        }

        var databases = run.Report.Advisories.Select(a => a.Database).Distinct().ToArray();
        if (databases.Length > 1)
            throw new UsageException("these advisories belong to several databases (database.yaml files): give one database at a time");

        var advisories = run.Report.Advisories.Select(a => a.Advisory).OfType<LoadedAdvisory>().ToArray();
        var set = PublishableSet.From(advisories, clock, allowPlaceholders: preview);
        return new PublishableInput(run, databases[0].Config, advisories, set);
    }
}
