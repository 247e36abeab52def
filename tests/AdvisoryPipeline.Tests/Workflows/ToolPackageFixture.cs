using System.Xml.Linq;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Workflows;

/// <summary>
/// The tool package, built once for the tests that install it (<see cref="ToolPackageTests"/>, <see cref="ActionTests"/>):
/// by the action itself, run here (<see cref="LocalActionRunner"/>) with <c>from-source: "true"</c> and no command, which
/// packs this checkout into <c>RUNNER_TEMP/advisory-feed</c> with <c>dotnet pack</c> (Release: it takes
/// <see cref="ReleaseBuilds.Gate"/>) and installs the tool from there. The tests that use the action later run it with
/// the same <see cref="RunnerTemp"/>, as the steps of one job do.
/// </summary>
public sealed class ToolPackageFixture : IDisposable
{
    private readonly TempFolder _temp = new("advisory-tool-package-");

    public ToolPackageFixture()
    {
        RunnerTemp = Directory.CreateDirectory(_temp.Combine("runner-temp")).FullName;
        Workspace = Directory.CreateDirectory(_temp.Combine("workspace")).FullName;
        var started = DateTime.UtcNow;
        ReleaseBuilds.Gate.Wait();
        try
        {
            Installation = new LocalActionRunner(Workspace, RunnerTemp).Run(new Dictionary<string, string> { ["from-source"] = "true" });
        }
        finally
        {
            ReleaseBuilds.Gate.Release();
        }
        BuildTime = DateTime.UtcNow - started;
        if (!Installation.Succeeded) throw new InvalidOperationException("packing and installing the tool with the action failed:\n" + Installation);
        Feed = Path.Combine(RunnerTemp, "advisory-feed");
        Package = Directory.GetFiles(Feed, "AdvisoryPipeline.Tool.*.nupkg").Single();
    }

    /// <summary>The version the tool's project file gives the package.</summary>
    public static string ProjectVersion { get; } = XDocument.Load(Path.Combine(SharedData.RepositoryRoot, "src", "AdvisoryPipeline.Cli", "AdvisoryPipeline.Cli.csproj"))
        .Descendants("Version").Single().Value;

    public string RunnerTemp { get; }

    /// <summary>An empty folder the fixture's action run worked in.</summary>
    public string Workspace { get; }

    /// <summary>The local folder feed the action packed into.</summary>
    public string Feed { get; }

    /// <summary>The .nupkg in <see cref="Feed"/>.</summary>
    public string Package { get; }

    /// <summary>The action run that packed and installed the tool.</summary>
    internal ActionRunResult Installation { get; }

    /// <summary>How long packing and installing took.</summary>
    public TimeSpan BuildTime { get; }

    /// <summary>Where the action installed the tool (it is on the PATH of later steps).</summary>
    public string ToolPath => Path.Combine(RunnerTemp, "advisory-tool");

    public void Dispose() => _temp.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ToolPackageCollection : ICollectionFixture<ToolPackageFixture>
{
    public const string Name = "Tool package";
}
