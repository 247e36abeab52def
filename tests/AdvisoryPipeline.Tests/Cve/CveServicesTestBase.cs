using AdvisoryPipeline.Cve;
using AdvisoryPipeline.Cve.Services;
using AdvisoryPipeline.FakeCveServices;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Cve;

/// <summary>
/// A fake CVE Services server per test, a copy of the example database in a temporary folder, and a CLI runner
/// whose environment points the tool at the fake with its credentials.
/// </summary>
public abstract class CveServicesTestBase : IAsyncLifetime
{
    protected TempFolder Folder { get; } = new("advisory-cve-");

    protected FakeCveServicesServer Server { get; } = new();

    protected CliRunner Cli { get; private set; } = null!;

    /// <summary>The waits the client asked for instead of sleeping: retry tests stay fast.</summary>
    protected List<TimeSpan> Waits { get; } = [];

    public async Task InitializeAsync()
    {
        await Server.StartAsync();
        Folder.CopyFromRepository("advisories");
        Cli = new CliRunner(Folder.Path);
        Cli.Variables[CveServicesOptions.UrlVariable] = Server.BaseUri.AbsoluteUri;
        Cli.Variables[CveServicesCredentials.OrgVariable] = Server.Org;
        Cli.Variables[CveServicesCredentials.UserVariable] = Server.User;
        Cli.Variables[CveServicesCredentials.KeyVariable] = Server.ApiKey;
        // The CVE IDs of the example advisories, reserved by the example CNA.
        foreach (var id in new[] { "CVE-2024-33905", "CVE-2024-40112", "CVE-2024-49733", "CVE-2025-21364", "CVE-2025-29017",
                     "CVE-2025-47761", "CVE-2025-58820", "CVE-2026-20588", "CVE-2026-41093" })
            Server.AddId(id);
        // A CVE that GitHub's CNA assigned (requested through a repository security advisory): never ours to publish.
        Server.AddId("CVE-2024-31877", owner: "GitHub_M", state: "PUBLISHED");
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Folder.Dispose();
    }

    protected CveServicesClient Client(string? key = null, int maxAttempts = 4) => new(
        new CveServicesOptions(Server.BaseUri, new CveServicesCredentials(Server.Org, Server.User, key ?? Server.ApiKey))
        {
            MaxAttempts = maxAttempts,
            Delay = (wait, _) =>
            {
                lock (Waits) Waits.Add(wait);
                return Task.CompletedTask;
            },
        });

    protected CnaContainer Container(string advisoryId) =>
        CveRecordMapper.Map(ExampleDatabase.Record(advisoryId), new CveRecordRequest(
            CveRecordSchemaTests.CveAliasOf(ExampleDatabase.Record(advisoryId))!, CveRecordSchemaTests.ExampleCna,
            $"https://security.tessera-project.org/{advisoryId}/", [])).Record.Containers.Cna;
}
