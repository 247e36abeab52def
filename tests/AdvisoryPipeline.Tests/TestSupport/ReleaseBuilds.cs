namespace AdvisoryPipeline.Tests.TestSupport;

/// <summary>
/// Tests that build the tool in Release (<c>dotnet pack</c> of the tool package, <c>scripts/publish-native.sh</c>) share
/// the Release outputs and the projects' restore files under <c>obj/</c>: two such builds at once would overwrite each
/// other's files. Each takes <see cref="Gate"/> for the whole build: <c>lock (ReleaseBuilds.Gate) { ... }</c>.
/// </summary>
public static class ReleaseBuilds
{
    public static readonly object Gate = new();
}
