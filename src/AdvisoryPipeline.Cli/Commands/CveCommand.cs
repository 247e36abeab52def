using System.CommandLine;
using System.Globalization;
using System.Text;
using AdvisoryPipeline.Cli.Output;
using AdvisoryPipeline.Cve;
using AdvisoryPipeline.Cve.Services;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Editing;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary>
/// <c>advisory cve ID...</c>: the CVE JSON 5.1 record of advisories whose CVE ID belongs to the configured CNA,
/// checked against the CNA rules; and the CVE Services side: <c>cve reserve</c>, <c>cve publish</c>, <c>cve reject</c>.
/// </summary>
public static class CveCommand
{
    public static Command Create(CliEnvironment env)
    {
        var ids = new Argument<string[]>("ID")
        {
            Description = "Advisories, by ID or by CVE alias, whose CVE record to write",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var folder = FolderOption();
        var output = new Option<string?>("--out")
        {
            Description = "Write to this file (one ID) or into this folder as CVE-ID.json (several), instead of standard output",
            HelpName = "PATH",
        };
        var clock = new ClockOption();
        var cveSchema = CveSchemaOption();
        var validation = new CommonValidationOptions();
        var command = new Command("cve", "Write the CVE JSON 5.1 record of advisories (CNA container), checked against the CNA rules; reserve, publish and reject CVE IDs at CVE Services.")
        {
            ids, folder, output, cveSchema, clock.Option,
        };
        validation.AddTo(command);
        command.Add(ReserveCommand(env));
        command.Add(PublishCommand(env));
        command.Add(RejectCommand(env));
        command.SetAction(parse =>
        {
            var names = parse.GetValue(ids) ?? [];
            if (names.Length == 0) throw new UsageException("name the advisories whose CVE record to write (advisory cve ID...), or use cve reserve, publish or reject");
            if (names.Length > 1 && parse.GetValue(output) is null) throw new UsageException("several records need --out FOLDER (one file CVE-ID.json each)");
            var database = LoadDatabase(parse, env, validation, clock, parse.GetValue(folder)!);
            var records = Records(env, database, names);
            CheckSchema(parse, env, cveSchema, records);
            if (parse.GetValue(output) is not { } path)
            {
                env.Out.Write(Encoding.UTF8.GetString(CveRecordJson.Write(records[0].Record)));
                return ExitCodes.Success;
            }
            var full = Path.GetFullPath(path, env.WorkingDirectory);
            if (records.Count == 1 && !Directory.Exists(full))
            {
                File.WriteAllBytes(full, CveRecordJson.Write(records[0].Record));
                return ExitCodes.Success;
            }
            Directory.CreateDirectory(full);
            foreach (var (_, record) in records)
                File.WriteAllBytes(Path.Combine(full, record.CveMetadata.CveId + ".json"), CveRecordJson.Write(record));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string> FolderOption() => new("--dir")
    {
        Description = "The database's advisory folder",
        DefaultValueFactory = _ => DatabaseFiles.AdvisoryFolder,
        HelpName = "DIR",
    };

    private static Option<bool> DryRunOption(string what) => new("--dry-run") { Description = what };

    private static Option<string?> CveSchemaOption() => new("--cve-schema")
    {
        Description = "Also check every record against this CVE JSON 5 record schema (e.g. CVE_JSON_bundled_5.1.1.json); a record it refuses stops the command",
        HelpName = "FILE",
    };

    /// <summary>Nothing is written or sent when a record breaks the CVE schema the user named.</summary>
    private static void CheckSchema(ParseResult parse, CliEnvironment env, Option<string?> option, IReadOnlyList<(string AdvisoryId, CveRecord Record)> records)
    {
        if (parse.GetValue(option) is not { } file) return;
        var schema = CveRecordSchema.FromFile(Path.GetFullPath(file, env.WorkingDirectory), file);
        var problems = records.SelectMany(r => schema.ErrorsOf(r.Record).Select(error => $"{r.Record.CveMetadata.CveId} ({r.AdvisoryId}): {error}")).ToList();
        if (problems.Count == 0) return;
        foreach (var problem in problems) env.Error.WriteLine(problem);
        throw new FindingsException($"{problems.Count} CVE schema error(s) under {file}: nothing was written or sent");
    }

    private static CveDatabase LoadDatabase(ParseResult parse, CliEnvironment env, CommonValidationOptions validation, ClockOption clock, string folder)
    {
        var time = clock.Resolve(parse, env);
        var run = validation.Run(parse, env with { Clock = time }, [folder], keepRecords: true);
        return CveDatabase.From(run.Report, time.GetUtcNow());
    }

    /// <summary>The records of the named advisories; CNA rule warnings and notes go to standard error, errors stop everything.</summary>
    private static IReadOnlyList<(string AdvisoryId, CveRecord Record)> Records(CliEnvironment env, CveDatabase database, IEnumerable<string> names)
    {
        var results = names.Distinct(StringComparer.Ordinal).Select(name => database.RecordOf(database.Find(name))).ToList();
        return Checked(env, results);
    }

    private static IReadOnlyList<(string AdvisoryId, CveRecord Record)> Checked(CliEnvironment env, IReadOnlyList<CveRecordResult> results)
    {
        var findings = results.SelectMany(r => r.Findings).ToList();
        var errors = findings.Where(f => f.IsError).ToList();
        if (errors.Count > 0)
            throw new FindingsException($"{errors.Count} CNA rule error(s): no CVE record was written", FindingOrder.Sort(findings));
        var writer = new TextFindingWriter(env.Error);
        foreach (var finding in FindingOrder.Sort(findings)) writer.Write(finding);
        foreach (var result in results)
            foreach (var note in result.Notes)
                env.Error.WriteLine($"note: {result.CveId} ({result.AdvisoryId}): {note}");
        return [.. results.Select(r => (r.AdvisoryId, r.Record!))];
    }

    private static CveServicesClient Connect(CliEnvironment env, Configuration.CnaConfig cna) =>
        new(new CveServicesOptions(CveServicesOptions.UrlFor(cna.Environment, env.GetVariable), CveServicesCredentials.FromEnvironment(env.GetVariable)));

    private static string EnvironmentName(Configuration.CnaConfig cna) =>
        cna.Environment == Configuration.CveServicesEnvironment.Production ? "production" : "test";

    private static Configuration.CnaConfig CnaOf(CliEnvironment env, string folder) =>
        AdvisoryDatabase.Open(env, folder).Config.Cna
            ?? throw new UsageException($"{DatabaseFiles.ConfigFile} has no cna: block: add the CNA's short_name and org_id to use CVE Services");

    private static Command ReserveCommand(CliEnvironment env)
    {
        var advisories = new Argument<string[]>("ADVISORY")
        {
            Description = "Advisories (by ID, placeholders included) that each get one of the reserved IDs as an alias",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var count = new Option<int?>("--count") { Description = "How many CVE IDs to reserve (default: one per advisory named, else 1)", HelpName = "N" };
        var year = new Option<int?>("--year") { Description = "The CVE year (default: the current year)", HelpName = "YEAR" };
        var folder = FolderOption();
        var dryRun = DryRunOption("Say what would be reserved and send nothing");
        var command = new Command("reserve", "Reserve CVE IDs for the configured CNA at CVE Services; with advisories named, write one into each as an alias.")
        {
            advisories, count, year, folder, dryRun,
        };
        command.SetAction(parse =>
        {
            var named = parse.GetValue(advisories) ?? [];
            var amount = parse.GetValue(count) ?? Math.Max(1, named.Length);
            if (amount is < 1 or > 1000) throw new UsageException($"--count {amount}: reserve between 1 and 1000 IDs at a time");
            if (named.Length > 0 && amount != named.Length)
                throw new UsageException($"--count {amount} does not match the {named.Length} advisories named: each gets one ID");
            var cveYear = parse.GetValue(year) ?? env.Clock.GetUtcNow().Year;
            if (cveYear is < 1999 or > 9999) throw new UsageException($"--year {cveYear}: not a CVE year");
            var dir = parse.GetValue(folder)!;
            var cna = CnaOf(env, dir);
            var targets = named.Select(id => Target(env, dir, id)).ToList();
            if (parse.GetValue(dryRun))
            {
                env.Out.WriteLine($"would reserve {amount} CVE ID(s) of {cveYear} for {cna.ShortName} at CVE Services ({EnvironmentName(cna)})"
                    + (targets.Count > 0 ? ": one each for " + string.Join(", ", named) : ""));
                return ExitCodes.Success;
            }
            using var client = Connect(env, cna);
            var reserved = client.ReserveAsync(amount, cveYear).GetAwaiter().GetResult();
            var cveIds = reserved.CveIds.Select(id => id.CveId).Order(StringComparer.Ordinal).ToList();
            foreach (var id in cveIds) env.Out.WriteLine(id);
            if (reserved.Meta?.RemainingQuota is { } quota) env.Error.WriteLine($"remaining ID quota: {quota.ToString(CultureInfo.InvariantCulture)}");
            if (cveIds.Count < targets.Count)
                throw new OperationFailedException($"CVE Services reserved {cveIds.Count} ID(s) instead of {targets.Count}: no advisory was changed");
            for (var i = 0; i < targets.Count; i++)
            {
                var target = targets[i];
                if (CveAliasEdit.Apply(target.Document, cveIds[i], out var problem) is not { } text)
                    throw new OperationFailedException($"{target.DisplayPath}: {cveIds[i]} is reserved but could not be added: {problem}");
                AdvisoryFileWriter.Write(target.FullPath, text, target.Document.HasByteOrderMark);
                env.Out.WriteLine($"{named[i]}: alias {cveIds[i]} added ({target.DisplayPath})");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static FolderAdvisory Target(CliEnvironment env, string folder, string id)
    {
        var full = Path.GetFullPath(folder, env.WorkingDirectory);
        if (!Directory.Exists(full)) throw new UsageException($"{folder}: no such folder");
        var matches = AdvisoryFolder.Load(full, env.WorkingDirectory).WithId(id);
        if (matches.Count != 1)
            throw new UsageException(matches.Count == 0 ? $"no advisory in {folder} has the ID {id}" : $"{id} is the ID of several files");
        var existing = (DocumentValues.At(matches[0].Document, "/aliases") is { ValueKind: System.Text.Json.JsonValueKind.Array } aliases
            ? aliases.EnumerateArray().Select(a => a.ToString()) : []).Where(a => CveId.IsValid(a)).ToList();
        if (existing.Count > 0) throw new UsageException($"{id} already has a CVE ID ({string.Join(", ", existing)}): reserve none for it");
        return matches[0];
    }

    private static Command PublishCommand(CliEnvironment env)
    {
        var ids = new Argument<string[]>("ID") { Description = "Advisories, by ID or by CVE alias, whose records to publish", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Every public advisory with one CVE alias; IDs owned by other CNAs are skipped" };
        var folder = FolderOption();
        var dryRun = DryRunOption("Print the plan (create, update, unchanged) and send nothing");
        var clock = new ClockOption();
        var cveSchema = CveSchemaOption();
        var validation = new CommonValidationOptions();
        var command = new Command("publish", "Publish or update the CVE records of advisories at CVE Services: only what differs from the published record is sent.")
        {
            ids, all, folder, dryRun, cveSchema, clock.Option,
        };
        validation.AddTo(command);
        command.SetAction(parse =>
        {
            var names = parse.GetValue(ids) ?? [];
            if (names.Length == 0 == !parse.GetValue(all)) throw new UsageException("name the advisories to publish, or give --all (not both)");
            var database = LoadDatabase(parse, env, validation, clock, parse.GetValue(folder)!);
            var records = parse.GetValue(all)
                ? Checked(env, [.. database.Advisories
                    .Where(a => database.IsPublic(a.Id) && !a.Record.IsWithdrawn && CnaRules.CveIdOf(a.Record) is not null)
                    .OrderBy(a => a.Id, StringComparer.Ordinal)
                    .Select(database.RecordOf)])
                : Records(env, database, names);
            CheckSchema(parse, env, cveSchema, records);
            using var client = Connect(env, database.Cna);
            var steps = CvePublisher.PlanAsync(client, records, skipForeign: parse.GetValue(all)).GetAwaiter().GetResult();
            var isDryRun = parse.GetValue(dryRun);
            env.Out.WriteLine($"CVE Services ({EnvironmentName(database.Cna)}), {database.Cna.ShortName}: {steps.Count} record(s)");
            foreach (var step in steps) env.Out.WriteLine(step.ToString());
            var summary = string.Join(", ", new[] { CvePublishAction.Create, CvePublishAction.Update, CvePublishAction.Unchanged, CvePublishAction.Foreign }
                .Select(action => $"{steps.Count(s => s.Action == action)} {(action == CvePublishAction.Create ? "to create" : action == CvePublishAction.Update ? "to update" : CvePublishStep.Name(action))}"));
            if (isDryRun)
            {
                env.Out.WriteLine(summary + " (dry run: nothing sent)");
                return ExitCodes.Success;
            }
            CvePublisher.ApplyAsync(client, steps).GetAwaiter().GetResult();
            env.Out.WriteLine(summary.Replace("to create", "created", StringComparison.Ordinal).Replace("to update", "updated", StringComparison.Ordinal));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command RejectCommand(CliEnvironment env)
    {
        var id = new Argument<string>("CVE-ID") { Description = "The CVE ID to reject" };
        var reason = new Option<string>("--reason") { Description = "Why, in English: the rejected record's only text", Required = true };
        var folder = FolderOption();
        var dryRun = DryRunOption("Say what would be sent and send nothing");
        var command = new Command("reject", "Reject a CVE ID of the configured CNA at CVE Services (a reserved ID, or a published record), with the reason.")
        {
            id, reason, folder, dryRun,
        };
        command.SetAction(parse =>
        {
            var cveId = parse.GetValue(id)!;
            if (!CveId.IsValid(cveId)) throw new UsageException($"{cveId} is not a CVE ID (CVE-YYYY-NNNN)");
            var text = parse.GetValue(reason)!.ReplaceLineEndings(" ").Trim();
            if (text.Length == 0 || text.Any(char.IsControl)) throw new UsageException("--reason: write why the ID is rejected, in one line of text");
            var cna = CnaOf(env, parse.GetValue(folder)!);
            using var client = Connect(env, cna);
            var info = client.GetCveIdAsync(cveId).GetAwaiter().GetResult()
                ?? throw new CveServicesException($"{cveId} is not known to CVE Services: nothing to reject", 404, null);
            if (!string.Equals(info.OwningCna, client.Org, StringComparison.OrdinalIgnoreCase))
                throw new CveServicesException($"{cveId} belongs to another CNA ({info.OwningCna}): only its owner can reject it", 403, null);
            if (info.State == "REJECTED")
            {
                env.Out.WriteLine($"{cveId} is already rejected: nothing sent");
                return ExitCodes.Success;
            }
            var published = info.State == "PUBLISHED";
            if (parse.GetValue(dryRun))
            {
                env.Out.WriteLine($"would reject {cveId} ({(published ? "published record" : "reserved ID")}) at CVE Services ({EnvironmentName(cna)}): {text}");
                return ExitCodes.Success;
            }
            client.RejectAsync(cveId, text, published).GetAwaiter().GetResult();
            env.Out.WriteLine($"{cveId} rejected");
            return ExitCodes.Success;
        });
        return command;
    }
}
