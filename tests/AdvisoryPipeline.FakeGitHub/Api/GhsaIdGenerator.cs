namespace AdvisoryPipeline.FakeGitHub.Api;

/// <summary>
/// GHSA ids in GitHub's format: <c>GHSA-xxxx-xxxx-xxxx</c> over the 20-letter alphabet GitHub uses (digits 2-9
/// and lower-case letters chosen to avoid look-alikes and vowels). Seeded, so a test run is reproducible.
/// </summary>
internal sealed class GhsaIdGenerator(int seed)
{
    public const string Alphabet = "23456789cfghjmpqrvwx";

    private readonly Lock _gate = new();
    private readonly Random _random = new(seed);
    private readonly HashSet<string> _issued = new(StringComparer.Ordinal);

    public string Next()
    {
        lock (_gate)
        {
            while (true)
            {
                var id = $"GHSA-{Group()}-{Group()}-{Group()}";
                if (_issued.Add(id))
                    return id;
            }
        }
    }

    private string Group() => string.Create(4, _random, static (span, random) =>
    {
        for (var i = 0; i < span.Length; i++)
            span[i] = Alphabet[random.Next(Alphabet.Length)];
    });
}
