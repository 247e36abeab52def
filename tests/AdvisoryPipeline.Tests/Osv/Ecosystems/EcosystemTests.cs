using System.Text.Json;
using AdvisoryPipeline.Osv.Ecosystems;

namespace AdvisoryPipeline.Tests.Osv.Ecosystems;

public sealed class EcosystemTests
{
    [Fact]
    public void The_registered_names_are_exactly_those_of_the_OSV_schema()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("osv-schema", "ecosystems.json")));
        var fromSchema = document.RootElement.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal);
        Assert.Equal(fromSchema, OsvEcosystems.All.Select(definition => definition.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_suffix_rules_agree_with_the_schema_descriptions()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("osv-schema", "ecosystems.json")));
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var description = property.Value.GetString()!;
            var definition = OsvEcosystems.Find(property.Name)!;
            var mentionsSuffix = description.Contains("suffix", StringComparison.Ordinal)
                || description.Contains(":<RELEASE>", StringComparison.Ordinal)
                || description.Contains("Root:{", StringComparison.Ordinal)
                || description.Contains("`:ports`", StringComparison.Ordinal);
            Assert.True(mentionsSuffix == (definition.Suffix != SuffixRule.NotAllowed), $"{property.Name}: {description}");
            if (description.Contains("must have a", StringComparison.Ordinal))
                Assert.Equal(SuffixRule.Required, definition.Suffix);
            if (description.Contains("optionally", StringComparison.Ordinal) || description.Contains("can include", StringComparison.Ordinal))
                Assert.Equal(SuffixRule.Optional, definition.Suffix);
        }
    }

    [Theory]
    [InlineData("PyPI", "PyPI", null)]
    [InlineData("Debian", "Debian", null)]
    [InlineData("Debian:12", "Debian", "12")]
    [InlineData("Debian:sid", "Debian", "sid")]
    [InlineData("Alpine:v3.16", "Alpine", "v3.16")]
    [InlineData("Ubuntu:22.04:LTS", "Ubuntu", "22.04:LTS")]
    [InlineData("Ubuntu:Pro:18.04:LTS", "Ubuntu", "Pro:18.04:LTS")]
    [InlineData("Red Hat:rhel_aus:8.4::appstream", "Red Hat", "rhel_aus:8.4::appstream")]
    [InlineData("Maven:https://maven.google.com", "Maven", "https://maven.google.com")]
    [InlineData("Packagist:https://packages.drupal.org/8", "Packagist", "https://packages.drupal.org/8")]
    [InlineData("FreeBSD:base:14.3", "FreeBSD", "base:14.3")]
    [InlineData("Root:PyPI", "Root", "PyPI")]
    [InlineData("Photon OS:3.0", "Photon OS", "3.0")]
    public void A_valid_ecosystem_string_splits_into_base_name_and_suffix(string text, string name, string? suffix)
    {
        Assert.True(Ecosystem.TryParse(text, out var ecosystem, out var error), error);
        Assert.Equal(name, ecosystem.Name);
        Assert.Equal(suffix, ecosystem.Suffix);
        Assert.Equal(text, ecosystem.ToString());
    }

    [Theory]
    [InlineData("", "the ecosystem is empty")]
    [InlineData("pypi", "\"pypi\" is not an OSV ecosystem; names are case-sensitive: did you mean \"PyPI\"?")]
    [InlineData("Crates.io", "\"Crates.io\" is not an OSV ecosystem; names are case-sensitive: did you mean \"crates.io\"?")]
    [InlineData("Cargo", "\"Cargo\" is not an ecosystem defined by the OSV schema: did you mean \"crates.io\"?")]
    [InlineData("crates", "\"crates\" is not an ecosystem defined by the OSV schema: did you mean \"crates.io\"?")]
    [InlineData("Pypi-legacy", "\"Pypi-legacy\" is not an ecosystem defined by the OSV schema")]
    [InlineData("RubyGem", "\"RubyGem\" is not an ecosystem defined by the OSV schema: did you mean \"RubyGems\"?")]
    [InlineData("golang", "\"golang\" is not an ecosystem defined by the OSV schema: did you mean \"Go\"?")]
    [InlineData("PyPI:3.12", "the PyPI ecosystem takes no \":\" suffix")]
    [InlineData("Ubuntu", "the Ubuntu ecosystem needs a \":\" suffix naming the release, e.g. \"Ubuntu:22.04:LTS\"")]
    [InlineData("Alpine", "the Alpine ecosystem needs a \":\" suffix naming the release, e.g. \"Alpine:v3.16\"")]
    [InlineData("Alpine:3.16", "an Alpine release is written \"v\" and its number, e.g. \"Alpine:v3.16\", not \"3.16\"")]
    [InlineData("Debian:", "empty suffix after \"Debian:\"")]
    [InlineData("Debian: 12", "the suffix \" 12\" has surrounding whitespace")]
    [InlineData("Maven:https://maven.google.com/", "the Maven suffix must be a repository URL (http or https) without a trailing slash, e.g. \"Maven:https://maven.google.com\"")]
    [InlineData("Maven:central", "the Maven suffix must be a repository URL (http or https) without a trailing slash, e.g. \"Maven:https://maven.google.com\"")]
    public void An_invalid_ecosystem_string_is_rejected_with_the_reason(string text, string expected)
    {
        Assert.False(Ecosystem.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Every_definition_with_a_suffix_has_a_valid_example()
    {
        foreach (var definition in OsvEcosystems.All.Where(definition => definition.Suffix != SuffixRule.NotAllowed))
        {
            Assert.NotNull(definition.SuffixExample);
            Assert.True(Ecosystem.TryParse(definition.SuffixExample!, out var ecosystem, out var error), error);
            Assert.Equal(definition, ecosystem.Definition);
        }
    }

    [Fact]
    public void Case_insensitive_lookup_only_serves_suggestions()
    {
        Assert.Null(OsvEcosystems.Find("pypi"));
        Assert.Equal("PyPI", OsvEcosystems.FindIgnoringCase(" pypi ")?.Name);
        Assert.Null(OsvEcosystems.FindIgnoringCase("pip"));
    }
}
