namespace AdvisoryPipeline.FakeGitHub.Faults;

/// <summary>
/// Selects requests for a fault: method ("*" for any) and a path glob (<see cref="PathPattern"/>). Among the
/// matching requests, the <see cref="Nth"/> one (1-based) and the following ones fire, <see cref="Times"/> in all.
/// </summary>
public sealed class FaultRule(string method, string pathPattern, Fault fault)
{
    public const int Always = int.MaxValue;

    private readonly PathPattern _path = new(pathPattern);

    public string Method { get; } = method;

    public string PathPattern => _path.Glob;

    public Fault Fault { get; } = fault;

    public int Nth { get; init; } = 1;

    public int Times { get; init; } = 1;

    /// <summary>How many requests matched so far (fired or not).</summary>
    public int Matched { get; private set; }

    /// <summary>How many times the fault was applied.</summary>
    public int Fired { get; private set; }

    /// <summary>
    /// Counts a matching request and, when <paramref name="mayFire"/> (no earlier rule fired) and it is this
    /// rule's turn, fires. Called under the injector's lock.
    /// </summary>
    internal bool CountAndFire(string method, string path, bool mayFire)
    {
        if (!(Method == "*" || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) || !_path.Matches(path))
            return false;
        Matched++;
        if (!mayFire || Matched < Nth || Fired >= Times)
            return false;
        Fired++;
        return true;
    }

    public override string ToString() => $"{Method} {PathPattern} -> {Fault.Name} (nth {Nth}, times {Times}, fired {Fired})";
}
