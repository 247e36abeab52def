using System.CommandLine;
using System.Text.Json;
using AdvisoryPipeline.Cve;
using AdvisoryPipeline.Cve.Services;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Editing;
using AdvisoryPipeline.Importing;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary>
/// <c>advisory import cve FILE|ID...</c> and <c>advisory import ghsa OWNER/REPO</c>: advisories from CVE records
/// and from GitHub repository security advisories, written with placeholder IDs for review.
/// </summary>
public static class ImportCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("import", "Bring advisories in from CVE records or GitHub repository security advisories, as YAML files with placeholder IDs.");
        command.Add(CveCommandOf(env));
        command.Add(GhsaImportCommand.Create(env));
        return command;
    }

    internal static Option<string> FolderOption() => new("--dir")
    {
        Description = "The advisory folder to write into",
        DefaultValueFactory = _ => DatabaseFiles.AdvisoryFolder,
        HelpName = "DIR",
    };

    private static Command CveCommandOf(CliEnvironment env)
    {
        var sources = new Argument<string[]>("FILE|ID")
        {
            Description = "CVE JSON 5 record files, or CVE IDs to read from CVE Services",
            Arity = ArgumentArity.OneOrMore,
        };
        var folder = FolderOption();
        var command = new Command("cve", "Write an advisory (placeholder ID) from each CVE record: aliases, summary, details, affected ranges, references, credits, CWE, CVSS; what cannot be mapped goes to the pipeline block's notes.")
        {
            sources, folder,
        };
        command.SetAction(parse =>
        {
            var database = AdvisoryDatabase.Open(env, parse.GetValue(folder)!);
            var now = env.Clock.GetUtcNow();
            CveServicesClient? client = null;
            try
            {
                foreach (var source in parse.GetValue(sources)!)
                {
                    var record = Read(env, database, source, ref client);
                    var cveId = record.CveMetadata.CveId;
                    var existing = AdvisoryFolder.Load(database.FullPath, env.WorkingDirectory).Advisories
                        .FirstOrDefault(a => DocumentValues.At(a.Document, "/aliases") is { ValueKind: JsonValueKind.Array } aliases
                            && aliases.EnumerateArray().Any(alias => alias.ValueKind == JsonValueKind.String && alias.GetString() == cveId));
                    if (existing is not null)
                    {
                        env.Out.WriteLine($"{cveId}: already imported as {existing.DisplayPath}; nothing written");
                        continue;
                    }
                    if (record.CveMetadata.State == "REJECTED")
                        throw new UsageException($"{source}: {cveId} is rejected: a rejected CVE has nothing to import");
                    var slug = AdvisoryId.SlugOf(record.Containers.Cna.Title ?? cveId);
                    var id = NewCommand.UniquePlaceholder(database, AdvisoryFolder.Load(database.FullPath, env.WorkingDirectory), slug);
                    var imported = CveRecordImport.Import(record, id.ToString(), now);
                    var notes = $"Imported from {cveId} (CVE JSON 5) on {Osv.OsvTimestamp.FormatWholeSeconds(now)}; review, then run advisory assign-ids."
                        + (imported.Notes.Count > 0 ? "\nLeft out:" + string.Concat(imported.Notes.Select(note => "\n- " + note)) : "");
                    var text = AdvisoryYamlWriter.Write(imported.Record, new AuthoringBlock(Notes: notes), NewCommand.SchemaReference(database.FullPath));
                    var path = Path.Combine(database.FullPath, id + ".yaml");
                    AdvisoryFileWriter.Write(path, text, byteOrderMark: false);
                    env.Out.WriteLine($"created {AdvisoryFileDiscovery.Display(path, env.WorkingDirectory)} ({cveId})");
                    foreach (var note in imported.Notes) env.Error.WriteLine($"note: {cveId}: left out: {note}");
                }
            }
            finally
            {
                client?.Dispose();
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static CveRecord Read(CliEnvironment env, AdvisoryDatabase database, string source, ref CveServicesClient? client)
    {
        var path = Path.GetFullPath(source, env.WorkingDirectory);
        if (File.Exists(path))
        {
            try
            {
                var record = CveRecordJson.Read(File.ReadAllBytes(path));
                if (!CveId.IsValid(record.CveMetadata.CveId))
                    throw new UsageException($"{source}: not a CVE JSON 5 record (cveMetadata.cveId is missing or not a CVE ID)");
                return record;
            }
            catch (JsonException e)
            {
                throw new UsageException($"{source}: not a CVE JSON 5 record: {e.Message}");
            }
        }
        if (!CveId.IsValid(source)) throw new UsageException($"{source}: no such file, and not a CVE ID (CVE-YYYY-NNNN)");
        var cna = database.Config.Cna
            ?? throw new UsageException($"{DatabaseFiles.ConfigFile} has no cna: block, which names the CVE Services environment to read {source} from; give a record file instead");
        client ??= new CveServicesClient(new CveServicesOptions(CveServicesOptions.UrlFor(cna.Environment, env.GetVariable), CveServicesCredentials.FromEnvironment(env.GetVariable)));
        return client.GetRecordAsync(source).GetAwaiter().GetResult()
            ?? throw new CveServicesException($"{source} has no published record at CVE Services: nothing to import", 404, null);
    }
}
