namespace AdvisoryPipeline.Tests.Rendering.Html.Browser;

/// <summary>The browser tests share one Chromium and one rendering of the sites, and run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
