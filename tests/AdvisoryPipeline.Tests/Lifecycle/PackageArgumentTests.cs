using AdvisoryPipeline.Lifecycle;
using AdvisoryPipeline.Osv.Ecosystems;

namespace AdvisoryPipeline.Tests.Lifecycle;

public sealed class PackageArgumentTests
{
    [Theory]
    [InlineData("PyPI/Tessera_Py", "PyPI", "tessera-py")]
    [InlineData("npm/@tessera/Client", "npm", "@tessera/Client")]
    [InlineData("Go/github.com/tessera-project/tessera-go", "Go", "github.com/tessera-project/tessera-go")]
    [InlineData("Maven:https://maven.google.com/com.example:lib", "Maven:https://maven.google.com", "com.example:lib")]
    [InlineData("Debian:12/openssl", "Debian:12", "openssl")]
    [InlineData("GIT/https://github.com/tessera-project/tessera", "GIT", "https://github.com/tessera-project/tessera")]
    public void Splits_at_the_first_slash_after_a_valid_ecosystem(string text, string ecosystem, string name)
    {
        Assert.True(PackageArgument.TryParse(text, out var package, out var error), error);
        Assert.Equal((ecosystem, name), (package.Ecosystem, package.Name));
    }

    [Theory]
    [InlineData("pypi/requests", "pypi/requests: \"pypi\" is not an OSV ecosystem; names are case-sensitive: did you mean \"PyPI\"?")]
    [InlineData("requests", "requests: expected ECOSYSTEM/NAME, e.g. PyPI/requests or npm/@scope/name")]
    [InlineData("PyPI/", "PyPI/: expected ECOSYSTEM/NAME, e.g. PyPI/requests or npm/@scope/name")]
    [InlineData("npm/a/b", "npm/a/b: only scoped npm packages (\"@scope/name\") contain a \"/\"")]
    public void Explains_what_is_wrong(string text, string message)
    {
        Assert.False(PackageArgument.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }
}
