using AdvisoryPipeline.Osv.Ecosystems;

namespace AdvisoryPipeline.Tests.Osv.Ecosystems;

public sealed class PackageNamesTests
{
    [Theory]
    [InlineData("PyPI", "Django", "django")]
    [InlineData("PyPI", "Foo_Bar.baz", "foo-bar-baz")]
    [InlineData("PyPI", "jw.util", "jw-util")]
    [InlineData("PyPI", "zope.interface", "zope-interface")]
    [InlineData("PyPI", "Flask-SQLAlchemy", "flask-sqlalchemy")]
    [InlineData("PyPI", "a__-._b", "a-b")]
    [InlineData("PyPI", "apache-airflow", "apache-airflow")]
    [InlineData("npm", "@babel/core", "@babel/core")]
    [InlineData("npm", "@Babel/Core", "@babel/core")]
    [InlineData("npm", "JSONStream", "jsonstream")]
    [InlineData("crates.io", "Serde_JSON", "Serde_JSON")]
    [InlineData("NuGet", "Newtonsoft.Json", "Newtonsoft.Json")]
    [InlineData("Go", "github.com/gin-gonic/gin", "github.com/gin-gonic/gin")]
    [InlineData("Go", "github.com/BurntSushi/toml", "github.com/BurntSushi/toml")]
    [InlineData("Maven", "org.apache.logging.log4j:log4j-core", "org.apache.logging.log4j:log4j-core")]
    [InlineData("Packagist", "Laravel/Framework", "laravel/framework")]
    [InlineData("RubyGems", "Rails", "Rails")]
    [InlineData("Debian:12", "openssl", "openssl")]
    public void The_canonical_form_is_the_one_each_ecosystem_defines(string ecosystem, string name, string canonical)
    {
        Assert.Equal(canonical, PackageNames.Canonical(ecosystem, name));
        Assert.Equal(name == canonical, PackageNames.IsCanonical(ecosystem, name, out var suggestion));
        Assert.Equal(canonical, suggestion);
    }

    [Theory]
    [InlineData("PyPI", "Django", "django", true)]
    [InlineData("PyPI", "zope.interface", "zope_interface", true)]
    [InlineData("crates.io", "serde_json", "serde-json", true)]
    [InlineData("crates.io", "Serde_JSON", "serde-json", true)]
    [InlineData("crates.io", "serde_json", "serde_yaml", false)]
    [InlineData("NuGet", "Newtonsoft.Json", "newtonsoft.json", true)]
    [InlineData("NuGet", "Newtonsoft.Json", "Newtonsoft-Json", false)]
    [InlineData("npm", "@babel/core", "@Babel/Core", true)]
    [InlineData("Go", "github.com/BurntSushi/toml", "github.com/burntsushi/toml", false)]
    [InlineData("Maven", "org.apache.logging.log4j:log4j-core", "org.apache.logging.log4j:Log4j-Core", false)]
    [InlineData("RubyGems", "rails", "Rails", false)]
    public void Names_are_the_same_package_by_the_ecosystems_own_equivalence(string ecosystem, string left, string right, bool same) =>
        Assert.Equal(same, PackageNames.AreSame(ecosystem, left, right));

    [Theory]
    [InlineData("PyPI", "Django")]
    [InlineData("PyPI", "jw.util")]
    [InlineData("npm", "@babel/core")]
    [InlineData("npm", "JSONStream")]
    [InlineData("crates.io", "serde_json")]
    [InlineData("Go", "github.com/gin-gonic/gin")]
    [InlineData("Go", "stdlib")]
    [InlineData("Maven", "org.apache.logging.log4j:log4j-core")]
    [InlineData("NuGet", "Newtonsoft.Json")]
    [InlineData("RubyGems", "nokogiri")]
    [InlineData("Packagist", "laravel/framework")]
    [InlineData("Pub", "flutter_bloc")]
    [InlineData("Hex", "phoenix_html")]
    [InlineData("Android", ":linux_kernel:Qualcomm")]
    public void Real_package_names_have_no_problem(string ecosystem, string name) => Assert.Null(PackageNames.Problem(ecosystem, name));

    [Theory]
    [InlineData("PyPI", "", "the package name is empty")]
    [InlineData("PyPI", " django", "the package name has surrounding whitespace")]
    [InlineData("npm", "lodash\n", "the package name has surrounding whitespace")]
    [InlineData("PyPI", "foo\u0007", "the package name contains a control character")]
    [InlineData("PyPI", "-django", "a PyPI project name must start and end with a letter or digit")]
    [InlineData("PyPI", "django!", "\"!\" is not allowed in a PyPI project name")]
    [InlineData("npm", "@babel", "a scoped npm package name is \"@scope/name\"")]
    [InlineData("npm", "babel/core", "only scoped npm packages (\"@scope/name\") contain a \"/\"")]
    [InlineData("npm", "_private", "the npm package name cannot start with \"_\"")]
    [InlineData("npm", "my package", "\" \" is not allowed in an npm package name")]
    [InlineData("crates.io", "1password", "a crate name must start with a letter")]
    [InlineData("Go", "https://github.com/gin-gonic/gin", "a Go module path has no URL scheme (write github.com/owner/repo)")]
    [InlineData("Go", "github.com/gin-gonic/gin/", "a Go module path neither starts nor ends with \"/\"")]
    [InlineData("Maven", "log4j-core", "the name must have the form \"groupId:artifactId\"")]
    [InlineData("Maven", "org.apache.logging.log4j:log4j-core:2.17.1", "the name must have the form \"groupId:artifactId\"")]
    [InlineData("Maven", "org.apache logging:log4j", "\" \" is not allowed in \"groupId:artifactId\"")]
    [InlineData("Packagist", "laravel", "the name must have the form \"vendor/package\"")]
    [InlineData("Pub", "flutter-bloc", "\"-\" is not allowed in a Pub package name")]
    public void Malformed_names_are_reported_with_the_reason(string ecosystem, string name, string problem) =>
        Assert.Equal(problem, PackageNames.Problem(ecosystem, name));

    [Fact]
    public void PEP_503_normalisation_is_idempotent_on_the_pypa_corpus_names()
    {
        var names = Directory.EnumerateDirectories(SharedData.PathOf("corpus", "pypa")).Select(Path.GetFileName).OfType<string>().ToList();
        Assert.True(names.Count > 300);
        foreach (var name in names)
        {
            var once = PackageNames.NormalizePep503(name);
            Assert.Equal(once, PackageNames.NormalizePep503(once));
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", once);
        }
    }
}
