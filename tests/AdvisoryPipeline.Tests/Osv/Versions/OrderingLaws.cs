using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Tests.Osv.Versions;

/// <summary>Property checks of a comparison over every pair and triple of a set of versions.</summary>
internal static class OrderingLaws
{
    public static void AssertTotalOrder(IReadOnlyList<ParsedVersion> versions)
    {
        var n = versions.Count;
        var sign = new int[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                sign[i, j] = Math.Sign(versions[i].CompareTo(versions[j]));

        var failures = new List<string>();
        for (var i = 0; i < n; i++)
        {
            var a = versions[i];
            if (sign[i, i] != 0) failures.Add($"{a} is not equal to itself");
            for (var j = 0; j < n; j++)
            {
                var b = versions[j];
                if (sign[i, j] != -sign[j, i]) failures.Add($"antisymmetry: {a} vs {b} gives {sign[i, j]}, {b} vs {a} gives {sign[j, i]}");
                if (a.Equals(b) != (sign[i, j] == 0)) failures.Add($"Equals({a}, {b}) = {a.Equals(b)} but CompareTo = {sign[i, j]}");
                if (sign[i, j] == 0 && a.GetHashCode() != b.GetHashCode()) failures.Add($"{a} = {b} but their hash codes differ");
                if ((a < b) != (sign[i, j] < 0) || (a > b) != (sign[i, j] > 0) || (a == b) != (sign[i, j] == 0)
                    || (a <= b) != (sign[i, j] <= 0) || (a >= b) != (sign[i, j] >= 0) || (a != b) != (sign[i, j] != 0))
                    failures.Add($"operators disagree with CompareTo for {a} and {b}");
                for (var k = 0; k < n; k++)
                {
                    if (sign[i, j] <= 0 && sign[j, k] <= 0 && sign[i, k] > 0)
                        failures.Add($"transitivity: {a} <= {b} <= {versions[k]} but {a} > {versions[k]}");
                }
            }
            if (failures.Count > 20) break;
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }
}
