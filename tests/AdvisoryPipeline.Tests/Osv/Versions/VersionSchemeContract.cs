using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Tests.Osv.Versions;

/// <summary>
/// What every scheme's tests check against its table of real versions: each pair compares as the
/// ecosystem orders it, a shuffled release history sorts back into order, and the comparison is a total
/// order (antisymmetric, transitive, consistent with equality and hashing) on every version of the table.
/// </summary>
public abstract class VersionSchemeContract
{
    private protected abstract IVersionScheme Scheme { get; }

    /// <summary>Pairs of real versions with the relation the ecosystem's own tooling gives: '&lt;', '=' or '&gt;'.</summary>
    private protected abstract IReadOnlyList<(string Left, char Relation, string Right)> Pairs { get; }

    /// <summary>A real release history in strictly ascending order.</summary>
    private protected abstract IReadOnlyList<string> Ascending { get; }

    [Fact]
    public void Every_pair_of_the_table_compares_as_the_ecosystem_orders_it()
    {
        Assert.True(Pairs.Count >= 25, $"the table of {Scheme.Name} has only {Pairs.Count} pairs");
        var failures = new List<string>();
        foreach (var (left, relation, right) in Pairs)
        {
            var actual = Relation(Parse(left).CompareTo(Parse(right)));
            var mirrored = Relation(Parse(right).CompareTo(Parse(left)));
            if (actual != relation || mirrored != Mirror(relation))
                failures.Add($"{left} {relation} {right} expected, got {left} {actual} {right} and {right} {mirrored} {left}");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void A_shuffled_release_history_sorts_back_into_order()
    {
        for (var seed = 1; seed <= 20; seed++)
        {
            var shuffled = Ascending.Select(Parse).ToList();
            var random = new Random(seed);
            for (var i = shuffled.Count - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
            }
            shuffled.Sort();
            Assert.Equal(Ascending, shuffled.Select(version => version.Text));
        }
    }

    [Fact]
    public void Ordering_is_a_total_order_consistent_with_equality_on_every_version_of_the_table()
    {
        var versions = Pairs.SelectMany(pair => new[] { pair.Left, pair.Right })
            .Concat(Ascending)
            .Distinct(StringComparer.Ordinal)
            .Select(Parse)
            .Append(ParsedVersion.BeginningOfTime)
            .Append(ParsedVersion.EndOfTime)
            .ToList();
        OrderingLaws.AssertTotalOrder(versions);
    }

    private protected ParsedVersion Parse(string text)
    {
        Assert.True(Scheme.TryParse(text, out var version, out var error), error);
        return version;
    }

    /// <summary>Asserts that <paramref name="text"/> is rejected with exactly <paramref name="expectedError"/>.</summary>
    private protected void AssertRejected(string text, string expectedError)
    {
        Assert.False(Scheme.TryParse(text, out var version, out var error), $"{text} parsed as {version?.Normalized}");
        Assert.Null(version);
        Assert.Equal(expectedError, error);
    }

    private protected void AssertNormalized(string text, string normalized) => Assert.Equal(normalized, Parse(text).Normalized);

    private static char Relation(int comparison) => comparison < 0 ? '<' : comparison > 0 ? '>' : '=';

    private static char Mirror(char relation) => relation switch { '<' => '>', '>' => '<', _ => '=' };
}
