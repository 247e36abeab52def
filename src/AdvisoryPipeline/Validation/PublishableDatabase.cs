using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.OpenPgp;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Validation;

/// <summary>
/// What the stages that produce public output start from, and the one seam between checking and producing: a
/// database that passed validation, with its configuration and schema, split into what may be shown and what may
/// not. Rendering, announcing and publishing take their records from <see cref="Publishable"/> and nowhere else,
/// so that an embargo or a placeholder ID is respected in one place.
/// </summary>
public sealed class PublishableDatabase
{
    private readonly Dictionary<string, PublishableAdvisory> _byId;

    /// <param name="publishable">Records that may be shown, in the order given (withdrawn ones included: OSV publishes them).</param>
    /// <param name="held">Advisories under embargo; they are validated but shown nowhere.</param>
    /// <param name="placeholders">IDs still of the form <c>PREFIX-0000-slug</c>, waiting for <c>advisory assign-ids</c>.</param>
    public PublishableDatabase(DatabaseConfig config, OsvSchema schema, IReadOnlyList<PublishableAdvisory> publishable,
        IReadOnlyList<HeldAdvisory> held, IReadOnlyList<string> placeholders)
    {
        Config = config;
        Schema = schema;
        Publishable = publishable;
        Held = held;
        Placeholders = placeholders;
        _byId = publishable.GroupBy(a => a.Record.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public DatabaseConfig Config { get; }

    /// <summary>The OSV schema the database was validated against; published records are checked against it again.</summary>
    public OsvSchema Schema { get; }

    public IReadOnlyList<PublishableAdvisory> Publishable { get; }

    public IReadOnlyList<HeldAdvisory> Held { get; }

    public IReadOnlyList<string> Placeholders { get; }

    /// <summary>Advisories left out because of their errors (<c>--exclude-invalid</c>); empty unless that was asked for.</summary>
    public IReadOnlyList<ExcludedAdvisory> Excluded { get; init; } = [];

    /// <summary>The <c>database.yaml</c> the configuration came from (files it names are relative to it), or null for the defaults.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>The policy's OpenPGP public key, read and checked by the validation; null when the policy names none.</summary>
    public OpenPgpCertificate? PolicyKey { get; init; }

    public IReadOnlyList<OsvRecord> Records => [.. Publishable.Select(a => a.Record)];

    /// <summary>The file a publishable advisory was authored in, as findings name it; null for an ID it does not have.</summary>
    public string? SourceOf(string id) => _byId.GetValueOrDefault(id)?.SourcePath;

    /// <summary>
    /// Splits a validation that kept its records. An advisory whose <c>embargo_until</c> is after <paramref name="now"/>
    /// is held; a placeholder ID is never publishable unless <paramref name="includePlaceholders"/> (local previews).
    /// A held placeholder is listed in both lists. With <paramref name="excludeInvalid"/>, an advisory with errors is
    /// left out (<see cref="Excluded"/>) instead of stopping everything; errors that belong to no advisory file (the
    /// configuration's) still stop everything.
    /// </summary>
    /// <exception cref="FindingsException">The advisories have errors (in the exception's findings): nothing may be produced.</exception>
    /// <exception cref="UsageException">The advisories belong to several databases, or there are none.</exception>
    public static PublishableDatabase From(ValidationReport report, DateTimeOffset now, bool includePlaceholders = false, bool excludeInvalid = false)
    {
        var excluded = excludeInvalid ? Excludable(report) : null;
        if (report.HasErrors && excluded is null)
            throw new FindingsException($"{report.Errors} error(s) in the advisories: nothing was produced (see advisory validate)",
                [.. report.AllFindings.Where(f => f.IsError)]);
        var excludedPaths = (excluded ?? []).Select(e => e.SourcePath).ToHashSet(StringComparer.Ordinal);
        var databases = report.Databases.Count > 0 ? [.. report.Databases] : report.Advisories.Select(a => a.Database).Distinct().ToArray();
        if (databases.Length > 1)
            throw new UsageException("these advisories belong to several databases (database.yaml files): give one database at a time");
        if (databases.Length == 0)
            throw new UsageException("there are no advisories and no database.yaml to produce anything from: advisory init starts a database");

        var config = databases[0].Config;
        var publishable = new List<PublishableAdvisory>();
        var held = new List<HeldAdvisory>();
        var placeholders = new List<string>();
        foreach (var advisory in report.Advisories.Where(a => !excludedPaths.Contains(a.Path)).Select(a => a.Advisory).OfType<Loading.LoadedAdvisory>())
        {
            var isPlaceholder = AdvisoryId.IsPlaceholderText(advisory.Id, config.IdPrefix);
            if (isPlaceholder) placeholders.Add(advisory.Id);
            if (HeldAdvisory.Holds(advisory.Authoring.EmbargoUntil, now))
                held.Add(new HeldAdvisory(advisory.Id, advisory.Authoring.EmbargoUntil!.Value));
            else if (!isPlaceholder || includePlaceholders)
                publishable.Add(new PublishableAdvisory(advisory.Record, advisory.Document.Path, advisory.Authoring.RequestCve));
        }
        return new PublishableDatabase(config, databases[0].Schema, publishable, held, placeholders)
        {
            ConfigPath = databases[0].ConfigPath,
            PolicyKey = databases[0].PolicyKey.Key,
            Excluded = excluded ?? [],
        };
    }

    /// <summary>
    /// The advisories that have errors, each with the errors located in its file (its own and the database rules'), or
    /// null when an error belongs to no advisory file and so cannot be set aside.
    /// </summary>
    private static List<ExcludedAdvisory>? Excludable(ValidationReport report)
    {
        var byPath = report.Advisories.ToDictionary(a => a.Path, StringComparer.Ordinal);
        var errors = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        foreach (var finding in report.AllFindings.Where(f => f.IsError))
        {
            if (!byPath.ContainsKey(finding.Location.File)) return null;
            if (!errors.TryGetValue(finding.Location.File, out var list)) errors[finding.Location.File] = list = [];
            list.Add(finding);
        }
        return [.. errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new ExcludedAdvisory(
            byPath[e.Key].Summary.Id is { Length: > 0 } id ? id : Path.GetFileNameWithoutExtension(e.Key), e.Key, FindingOrder.Sort(e.Value)))];
    }

    /// <summary>The advisories named, in the order given, each once; a held, placeholder or unknown ID is refused.</summary>
    /// <exception cref="UsageException">An ID that cannot be given out; the message says why.</exception>
    public IReadOnlyList<PublishableAdvisory> Select(IReadOnlyList<string> ids)
    {
        var selected = new List<PublishableAdvisory>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (Held.FirstOrDefault(h => h.Id == id) is { } held)
                throw new UsageException($"{held}: an embargoed advisory cannot be announced");
            if (Placeholders.Contains(id))
                throw new UsageException($"{id} has a placeholder ID: run advisory assign-ids first");
            selected.Add(_byId.GetValueOrDefault(id) ?? throw new UsageException($"{id}: no such advisory in the database"));
        }
        return selected;
    }
}
