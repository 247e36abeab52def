using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Tests.Diagnostics;

public sealed class SuggestionsTests
{
    private static readonly string[] TopLevelKeys =
        ["schema_version", "id", "modified", "published", "withdrawn", "aliases", "related", "summary", "details", "severity", "affected", "references", "credits", "database_specific"];

    private static readonly string[] Commands =
        ["run", "init", "validate", "fix", "new", "assign-ids", "withdraw", "render", "announce", "policy", "prenotify", "publish", "cve", "import"];

    [Theory]
    [InlineData("sumary", "summary")]          // a letter left out
    [InlineData("summmary", "summary")]        // a letter doubled
    [InlineData("detials", "details")]         // two letters swapped: one edit
    [InlineData("refrences", "references")]
    [InlineData("databse_specific", "database_specific")]
    [InlineData("database-specific", "database_specific")] // another separator
    [InlineData("Summary", "summary")]         // another case
    [InlineData("ID", "id")]
    [InlineData("alias", "aliases")]
    public void A_misspelt_key_gets_the_known_key_it_stands_for(string typed, string expected)
    {
        Assert.Equal(expected, Suggestions.Closest(typed, TopLevelKeys));
    }

    [Theory]
    [InlineData("valdate", "validate")]
    [InlineData("pubish", "publish")]
    [InlineData("assign-id", "assign-ids")]
    [InlineData("assign_ids", "assign-ids")]
    [InlineData("withdrew", "withdraw")]
    [InlineData("Validate", "validate")]
    public void A_misspelt_command_gets_the_command(string typed, string expected)
    {
        Assert.Equal(expected, Suggestions.Closest(typed, Commands));
    }

    [Theory]
    [InlineData("advisory", "ADVISORY")]
    [InlineData("Advisory", "ADVISORY")]
    [InlineData("ADVISROY", "ADVISORY")]
    [InlineData("FIXED", "FIX")]              // nothing else within two edits
    public void A_value_in_the_wrong_case_or_misspelt_gets_the_allowed_one(string typed, string expected)
    {
        string[] types = ["ADVISORY", "ARTICLE", "DETECTION", "DISCUSSION", "REPORT", "FIX", "INTRODUCED", "GIT", "PACKAGE", "EVIDENCE", "WEB"];

        Assert.Equal(expected, Suggestions.Closest(typed, types));
    }

    [Fact]
    public void Letter_case_comes_before_closeness()
    {
        // "Gi" is one edit from "Go" but the same word as "GI" in another case.
        Assert.Equal("GI", Suggestions.Closest("Gi", ["Go", "GI"]));
    }

    [Fact]
    public void The_one_known_word_that_starts_with_what_was_typed_is_suggested_when_nothing_is_close()
    {
        Assert.Equal("crates.io", Suggestions.Closest("crates", ["CRAN", "crates.io", "Hex"]));
        Assert.Equal("pipeline", Suggestions.Closest("pipe", ["pipeline", "summary"]));
        // Two words start with it: no guess.
        Assert.Null(Suggestions.Closest("Red", ["Red Hat", "Redox Linux"]));
        // Too short to complete.
        Assert.Null(Suggestions.Closest("cr", ["crates.io"]));
    }

    [Theory]
    [InlineData("bogus_field")]
    [InlineData("xyz")]
    [InlineData("severities_of_packages")]
    [InlineData("")]
    public void Nothing_is_suggested_for_a_word_far_from_every_known_one(string typed)
    {
        Assert.Null(Suggestions.Closest(typed, TopLevelKeys));
    }

    [Fact]
    public void Two_candidates_equally_close_are_no_suggestion()
    {
        Assert.Null(Suggestions.Closest("CVSS_V5", ["CVSS_V2", "CVSS_V3", "CVSS_V4", "Ubuntu"]));
        // ...unless one of them is closer.
        Assert.Equal("CVSS_V3", Suggestions.Closest("CVSS_3", ["CVSS_V2", "CVSS_V3", "CVSS_V4"]));
    }

    [Fact]
    public void The_word_itself_is_no_suggestion()
    {
        Assert.Null(Suggestions.Closest("summary", ["summary"]));
        Assert.Equal("summary", Suggestions.Closest("sumary", ["sumary", "summary"]));
    }

    [Fact]
    public void The_bound_grows_with_the_length_of_the_word()
    {
        Assert.Equal(1, Suggestions.MaxDistance(2));
        Assert.Equal(1, Suggestions.MaxDistance(3));
        Assert.Equal(2, Suggestions.MaxDistance(4));
        Assert.Equal(2, Suggestions.MaxDistance(6));
        Assert.Equal(2, Suggestions.MaxDistance(8));
        Assert.Equal(3, Suggestions.MaxDistance(9));
        Assert.Equal(5, Suggestions.MaxDistance(17));

        // Within the bound: two edits in a six-letter word, one in a three-letter word; beyond it: two in a two-letter word.
        Assert.Equal("events", Suggestions.Closest("evnts_", ["events"]));
        Assert.Equal("repo", Suggestions.Closest("rpo", ["repo", "type"]));
        Assert.Null(Suggestions.Closest("ab", ["id"]));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("sumary", "summary", 1)]
    [InlineData("detials", "details", 1)]     // a swap of neighbours is one edit
    [InlineData("ca", "abc", 3)]              // optimal string alignment: no edit of a swapped pair
    [InlineData("kitten", "sitting", 3)]
    [InlineData("Summary", "summary", 1)]     // compared as written
    public void The_distance_counts_inserts_deletes_replacements_and_swaps(string a, string b, int expected)
    {
        Assert.Equal(expected, Suggestions.Distance(a, b));
        Assert.Equal(expected, Suggestions.Distance(b, a));
    }

    [Fact]
    public void The_distance_stops_at_its_limit()
    {
        Assert.Equal(2, Suggestions.Distance("abcdefgh", "zyxwvuts", limit: 2));
        Assert.Equal(2, Suggestions.Distance("a", "abcdefgh", limit: 2));
        Assert.Equal(1, Suggestions.Distance("sumary", "summary", limit: 2));
    }

    [Fact]
    public void A_list_shows_at_most_twelve_words_and_says_how_many_more()
    {
        Assert.Equal("a, b, c", Suggestions.List(["a", "b", "c"]));
        var fifteen = Enumerable.Range(1, 15).Select(i => $"v{i}").ToArray();
        Assert.Equal("v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12 and 3 more", Suggestions.List(fifteen));
        Assert.Equal("v1, v2 and 13 more", Suggestions.List(fifteen, atMost: 2));
        Assert.Equal(string.Join(", ", fifteen), Suggestions.List(fifteen, atMost: 15));
    }
}
