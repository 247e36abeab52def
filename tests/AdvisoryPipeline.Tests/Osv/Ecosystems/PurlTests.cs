using AdvisoryPipeline.Osv.Ecosystems;

namespace AdvisoryPipeline.Tests.Osv.Ecosystems;

public sealed class PurlTests
{
    [Theory]
    [InlineData("pkg:pypi/django@1.11.1", "pypi", null, "django", "1.11.1")]
    [InlineData("pkg:npm/%40babel/core@7.24.0", "npm", "@babel", "core", "7.24.0")]
    [InlineData("pkg:golang/github.com/gin-gonic/gin", "golang", "github.com/gin-gonic", "gin", null)]
    [InlineData("pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1", "maven", "org.apache.logging.log4j", "log4j-core", "2.17.1")]
    [InlineData("pkg:nuget/Newtonsoft.Json@13.0.3", "nuget", null, "Newtonsoft.Json", "13.0.3")]
    [InlineData("pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie", "deb", "debian", "curl", "7.50.3-1")]
    [InlineData("pkg:cargo/rand@0.7.2", "cargo", null, "rand", "0.7.2")]
    [InlineData("pkg:gem/ruby-advisory-db-check@0.12.4", "gem", null, "ruby-advisory-db-check", "0.12.4")]
    [InlineData("pkg:composer/laravel/laravel@5.5.0", "composer", "laravel", "laravel", "5.5.0")]
    [InlineData("pkg:swift/github.com/Alamofire/Alamofire@5.4.3", "swift", "github.com/Alamofire", "Alamofire", "5.4.3")]
    public void Components_are_read_from_the_specification_examples(string text, string type, string? @namespace, string name, string? version)
    {
        Assert.True(Purl.TryParse(text, out var purl, out var error), error);
        Assert.Equal(type, purl.Type);
        Assert.Equal(@namespace, purl.Namespace);
        Assert.Equal(name, purl.Name);
        Assert.Equal(version, purl.Version);
    }

    [Theory]
    [InlineData("pkg:pypi/django@1.11.1", "pkg:pypi/django@1.11.1")]
    [InlineData("PKG:PyPI/Django_Allauth", "pkg:pypi/django-allauth")]
    [InlineData("pkg:pypi/jw.util", "pkg:pypi/jw-util")]
    [InlineData("pkg://npm/@babel/core", "pkg:npm/%40babel/core")]
    [InlineData("pkg:npm/%40Angular/Animation@12.3.1", "pkg:npm/%40angular/animation@12.3.1")]
    [InlineData("pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?type=zip&classifier=dist", "pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?classifier=dist&type=zip")]
    [InlineData("pkg:maven/groovy/groovy@1.0?repository_url=https://maven.google.com", "pkg:maven/groovy/groovy@1.0?repository_url=https:%2F%2Fmaven.google.com")]
    [InlineData("pkg:golang/google.golang.org/genproto#googleapis/api/annotations", "pkg:golang/google.golang.org/genproto#googleapis/api/annotations")]
    [InlineData("pkg:golang/github.com/BurntSushi/toml", "pkg:golang/github.com/BurntSushi/toml")]
    [InlineData("pkg:generic/openssl@1.1.10g?download_url=https://openssl.org/source/openssl-1.1.0g.tar.gz&checksum=sha256:de4d501267da", "pkg:generic/openssl@1.1.10g?checksum=sha256:de4d501267da&download_url=https:%2F%2Fopenssl.org%2Fsource%2Fopenssl-1.1.0g.tar.gz")]
    [InlineData("pkg:generic/bitwarderl?vcs_url=git%2Bhttps://git.fsfe.org/dxtr/bitwarderl%40cc55108da32", "pkg:generic/bitwarderl?vcs_url=git%2Bhttps:%2F%2Fgit.fsfe.org%2Fdxtr%2Fbitwarderl%40cc55108da32")]
    [InlineData("pkg:pypi/django?empty=&arch=", "pkg:pypi/django")]
    [InlineData("pkg:generic/caf%C3%A9%20latte", "pkg:generic/caf%C3%A9%20latte")]
    [InlineData("pkg:gem/jruby-launcher@1.1.2?Platform=java", "pkg:gem/jruby-launcher@1.1.2?platform=java")]
    [InlineData("pkg:github/Package-URL/Purl-Spec#./a/../b", "pkg:github/package-url/purl-spec#a/b")]
    public void The_canonical_form_is_written_as_the_specification_builds_it(string text, string canonical)
    {
        Assert.True(Purl.TryParse(text, out var purl, out var error), error);
        Assert.Equal(canonical, purl.ToString());
        Assert.True(Purl.TryParse(canonical, out var again, out _));
        Assert.Equal(purl, again);
        Assert.Equal(canonical, again.ToString());
    }

    [Theory]
    [InlineData("", "\"\" is not a valid purl: a purl starts with \"pkg:\"")]
    [InlineData("npm/lodash", "\"npm/lodash\" is not a valid purl: a purl starts with \"pkg:\"")]
    [InlineData("https://pypi.org/project/django", "\"https://pypi.org/project/django\" is not a valid purl: a purl starts with \"pkg:\"")]
    [InlineData("pkg:pypi", "\"pkg:pypi\" is not a valid purl: the purl has no name")]
    [InlineData("pkg:pypi/", "\"pkg:pypi/\" is not a valid purl: the purl has no name")]
    [InlineData("pkg:/django", "\"pkg:/django\" is not a valid purl: the purl has no name")]
    [InlineData("pkg:1pypi/django", "\"pkg:1pypi/django\" is not a valid purl: the purl type \"1pypi\" must start with a letter")]
    [InlineData("pkg:py_pi/django", "\"pkg:py_pi/django\" is not a valid purl: the purl type \"py_pi\" may only contain letters, digits, \".\" and \"-\"")]
    [InlineData("pkg:pypi/django flask", "\"pkg:pypi/django flask\" is not a valid purl: a purl contains no whitespace (a space is written %20)")]
    [InlineData("pkg:pypi/django%2", "\"pkg:pypi/django%2\" is not a valid purl: \"%\" at position 7 of \"django%2\" does not start a %XX escape")]
    [InlineData("pkg:pypi/caf%E9", "\"pkg:pypi/caf%E9\" is not a valid purl: the escapes in \"caf%E9\" are not UTF-8")]
    [InlineData("pkg:pypi/acme/django", "\"pkg:pypi/acme/django\" is not a valid purl: the purl type \"pypi\" takes no namespace")]
    [InlineData("pkg:maven/log4j-core@2.17.1", "\"pkg:maven/log4j-core@2.17.1\" is not a valid purl: the purl type \"maven\" needs a namespace")]
    [InlineData("pkg:npm/lodash?arch", "\"pkg:npm/lodash?arch\" is not a valid purl: the purl qualifier \"arch\" has no \"=\"")]
    [InlineData("pkg:npm/lodash?1arch=x", "\"pkg:npm/lodash?1arch=x\" is not a valid purl: \"1arch\" is not a valid purl qualifier key")]
    [InlineData("pkg:npm/lodash?arch=x&Arch=y", "\"pkg:npm/lodash?arch=x&Arch=y\" is not a valid purl: the purl qualifier \"arch\" appears twice")]
    [InlineData("pkg:golang/github.com%2Fgin-gonic/gin", "\"pkg:golang/github.com%2Fgin-gonic/gin\" is not a valid purl: a purl namespace segment cannot contain an encoded \"/\" (\"github.com%2Fgin-gonic\")")]
    public void Invalid_purls_are_rejected_with_the_reason(string text, string expected)
    {
        Assert.False(Purl.TryParse(text, out var purl, out var error));
        Assert.Null(purl);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("PyPI", "Django", "pkg:pypi/django")]
    [InlineData("PyPI", "jw.util", "pkg:pypi/jw-util")]
    [InlineData("npm", "@babel/core", "pkg:npm/%40babel/core")]
    [InlineData("npm", "lodash", "pkg:npm/lodash")]
    [InlineData("crates.io", "serde_json", "pkg:cargo/serde_json")]
    [InlineData("Go", "github.com/gin-gonic/gin", "pkg:golang/github.com/gin-gonic/gin")]
    [InlineData("Go", "github.com/BurntSushi/toml", "pkg:golang/github.com/BurntSushi/toml")]
    [InlineData("Go", "stdlib", "pkg:golang/stdlib")]
    [InlineData("Maven", "org.apache.logging.log4j:log4j-core", "pkg:maven/org.apache.logging.log4j/log4j-core")]
    [InlineData("Maven:https://maven.google.com", "androidx.core:core", "pkg:maven/androidx.core/core")]
    [InlineData("NuGet", "Newtonsoft.Json", "pkg:nuget/Newtonsoft.Json")]
    [InlineData("RubyGems", "rails", "pkg:gem/rails")]
    [InlineData("Packagist", "laravel/framework", "pkg:composer/laravel/framework")]
    [InlineData("Hex", "phoenix", "pkg:hex/phoenix")]
    [InlineData("Pub", "http", "pkg:pub/http")]
    [InlineData("Hackage", "aeson", "pkg:hackage/aeson")]
    [InlineData("SwiftURL", "github.com/apple/swift-nio", "pkg:swift/github.com/apple/swift-nio")]
    [InlineData("Debian:12", "openssl", "pkg:deb/debian/openssl?arch=source")]
    [InlineData("Ubuntu:22.04:LTS", "openssl", "pkg:deb/ubuntu/openssl?arch=source")]
    [InlineData("Alpine:v3.18", "openssl", "pkg:apk/alpine/openssl?arch=source")]
    [InlineData("Red Hat:enterprise_linux:9::appstream", "openssl", "pkg:rpm/redhat/openssl")]
    [InlineData("OSS-Fuzz", "libxml2", "pkg:generic/libxml2")]
    public void The_expected_purl_is_built_for_each_ecosystem(string ecosystem, string name, string expected) =>
        Assert.Equal(expected, Purl.For(ecosystem, name)?.ToString());

    [Theory]
    [InlineData("Android", "platform/frameworks/base")]
    [InlineData("Linux", "Kernel")]
    [InlineData("Maven", "log4j-core")]
    [InlineData("PyPI", "")]
    [InlineData("NotAnEcosystem", "x")]
    public void No_purl_is_built_without_an_established_type_or_a_fitting_name(string ecosystem, string name) =>
        Assert.Null(Purl.For(ecosystem, name));

    [Theory]
    [InlineData("PyPI", "django", "pkg:pypi/django")]
    [InlineData("PyPI", "Django", "pkg:pypi/django")]
    [InlineData("PyPI", "jw.util", "pkg:pypi/jw-util")]
    [InlineData("PyPI", "jw.util", "pkg:pypi/jw.util")]
    [InlineData("npm", "@babel/core", "pkg:npm/%40babel/core")]
    [InlineData("npm", "@babel/core", "pkg:npm/@babel/core")]
    [InlineData("crates.io", "serde_json", "pkg:cargo/serde-json")]
    [InlineData("Go", "github.com/BurntSushi/toml", "pkg:golang/github.com/burntsushi/toml")]
    [InlineData("Maven", "org.apache.logging.log4j:log4j-core", "pkg:maven/org.apache.logging.log4j/log4j-core")]
    [InlineData("NuGet", "Newtonsoft.Json", "pkg:nuget/newtonsoft.json")]
    [InlineData("Debian:12", "openssl", "pkg:deb/debian/openssl")]
    [InlineData("Debian:12", "openssl", "pkg:deb/debian/openssl?arch=source&distro=bookworm")]
    public void A_purl_naming_the_package_is_consistent(string ecosystem, string name, string purlText)
    {
        Assert.True(Purl.TryParse(purlText, out var purl, out var error), error);
        var check = purl.CheckAgainst(ecosystem, name);
        Assert.Equal(PurlVerdict.Consistent, check.Verdict);
        Assert.Null(check.Reason);
    }

    [Theory]
    [InlineData("PyPI", "django", "pkg:npm/django", "the purl type \"npm\" does not match the PyPI ecosystem, whose purl type is \"pypi\"")]
    [InlineData("PyPI", "django", "pkg:pypi/flask", "the purl names the package \"flask\", not \"django\"")]
    [InlineData("PyPI", "django", "pkg:pypi/django@4.2.1", "the purl includes a version (@4.2.1); an OSV package's purl identifies the package without @version")]
    [InlineData("npm", "@babel/core", "pkg:npm/core", "the purl names the package \"core\", not \"@babel/core\"")]
    [InlineData("crates.io", "serde_json", "pkg:cargo/serde_yaml", "the purl names the package \"serde_yaml\", not \"serde_json\"")]
    [InlineData("Maven", "org.apache.logging.log4j:log4j-core", "pkg:maven/org.apache.logging.log4j/log4j-api", "the purl names the package \"org.apache.logging.log4j:log4j-api\", not \"org.apache.logging.log4j:log4j-core\"")]
    [InlineData("Go", "github.com/gin-gonic/gin", "pkg:golang/github.com/gin-gonic/gin@v1.9.1", "the purl includes a version (@v1.9.1); an OSV package's purl identifies the package without @version")]
    [InlineData("Debian:12", "openssl", "pkg:deb/ubuntu/openssl", "the purl's namespace \"ubuntu\" is not \"debian\", the vendor of the Debian ecosystem")]
    [InlineData("Ubuntu:22.04:LTS", "openssl", "pkg:rpm/redhat/openssl", "the purl type \"rpm\" does not match the Ubuntu ecosystem, whose purl type is \"deb\"")]
    public void A_purl_contradicting_the_package_is_inconsistent_with_the_reason_and_a_suggestion(
        string ecosystem, string name, string purlText, string reason)
    {
        Assert.True(Purl.TryParse(purlText, out var purl, out var error), error);
        var check = purl.CheckAgainst(ecosystem, name);
        Assert.Equal(PurlVerdict.Inconsistent, check.Verdict);
        Assert.Equal(reason, check.Reason);
        Assert.Equal(Purl.For(ecosystem, name), check.Expected);
    }

    [Theory]
    [InlineData("Android", "platform/frameworks/base", "pkg:generic/base", "no purl type is established for the Android ecosystem")]
    [InlineData("Maven", "log4j-core", "pkg:maven/org.apache.logging.log4j/log4j-core", "the Maven package name \"log4j-core\" cannot be written as a purl")]
    [InlineData("Cargo", "serde", "pkg:cargo/serde", "\"Cargo\" is not an OSV ecosystem, so its purl cannot be checked")]
    public void A_purl_that_cannot_be_judged_is_reported_as_not_checked(string ecosystem, string name, string purlText, string reason)
    {
        Assert.True(Purl.TryParse(purlText, out var purl, out _));
        var check = purl.CheckAgainst(ecosystem, name);
        Assert.Equal(PurlVerdict.NotChecked, check.Verdict);
        Assert.Equal(reason, check.Reason);
    }

    [Fact]
    public void Every_ecosystem_purl_mapping_builds_a_purl_that_parses_back_and_is_consistent()
    {
        foreach (var definition in OsvEcosystems.All.Where(definition => definition.Purl is not null))
        {
            var ecosystem = definition.SuffixExample ?? definition.Name;
            var name = definition.Purl!.Layout switch
            {
                PurlNameLayout.NamespaceBeforeColon => "org.example:demo",
                PurlNameLayout.NamespaceBeforeLastSlash => "example/demo",
                _ => "demo",
            };
            var built = Purl.For(ecosystem, name);
            Assert.NotNull(built);
            Assert.True(Purl.TryParse(built.ToString(), out var parsed, out var error), error);
            Assert.Equal(built, parsed);
            Assert.Equal(PurlVerdict.Consistent, parsed.CheckAgainst(ecosystem, name).Verdict);
        }
    }
}
