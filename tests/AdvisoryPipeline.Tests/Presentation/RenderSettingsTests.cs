using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Presentation;

public class RenderSettingsTests
{
    [Fact]
    public void Database_yaml_maps_to_the_settings_the_renderers_use()
    {
        var settings = ExampleDatabase.Settings;

        Assert.Equal("Tessera Security Advisories", settings.DatabaseName);
        Assert.Equal(new Uri("https://security.tessera-project.org/"), settings.SiteUrl);
        Assert.Equal(new Uri("https://tessera-project.org/"), settings.HomeUrl);
        Assert.Equal("TSSA", settings.IdPrefix);
        Assert.Equal(
            new MailSettings(
                "tessera-security-announce@lists.tessera-project.org",
                "Tessera Security Team <security@tessera-project.org>",
                "security@tessera-project.org",
                "[SECURITY] {id}: {summary}"),
            settings.Mail);
    }

    [Theory]
    [InlineData("TSSA-2024-1", true)]
    [InlineData("TSSA-", false)]
    [InlineData("TSSAX-2024-1", false)]
    [InlineData("GHSA-3pvw-x489-xxrh", false)]
    public void Own_ids_are_those_with_the_database_prefix_and_a_dash(string id, bool own)
    {
        Assert.Equal(own, ExampleDatabase.Settings.IsOwnId(id));
        Assert.False(RenderSettings.From(new DatabaseConfig("Any", IdPrefix: null)).IsOwnId(id));
    }
}
