namespace AdvisoryPipeline.Diagnostics;

/// <summary>
/// The secrets this run has read (tokens, passphrases, webhook URLs, API keys), and the one place that takes them
/// out of text: every message a stage builds from an outside answer, and everything the command line prints, passes
/// through <see cref="Redact"/>. A secret is read with <see cref="Read"/>, which remembers it.
/// </summary>
/// <remarks>
/// <para>A run (one command line) opens its own scope (<see cref="BeginScope"/>), which flows into every task it starts,
/// so that two runs in one process (tests, a host) neither mask each other's text nor forget their own secrets;
/// outside any scope the secrets are the process's.</para>
/// <para>Values shorter than <see cref="MinimumLength"/> are not remembered: masking every "x" of every message would
/// make the output unreadable, and no real token is that short.</para>
/// </remarks>
public static class Secrets
{
    public const int MinimumLength = 8;

    /// <summary>What stands for a secret whose variable is not known.</summary>
    public const string Mask = "***";

    private static readonly AsyncLocal<Known?> CurrentScope = new();
    private static readonly Known ProcessWide = new();

    private static Known Current => CurrentScope.Value ?? ProcessWide;

    /// <summary>A scope of its own for one run; disposing it forgets the run's secrets and restores the scope before.</summary>
    public static IDisposable BeginScope()
    {
        var previous = CurrentScope.Value;
        CurrentScope.Value = new Known();
        return new ScopeEnd(previous);
    }

    /// <summary>
    /// Remembers <paramref name="secret"/> (and its trimmed form) so that no output shows it from now on: it reads as
    /// <c>$NAME</c> when the variable it came from is given, else as <see cref="Mask"/>. A URL's path and query are
    /// remembered too (<c>&lt;path of $NAME&gt;</c>): a webhook's secret is its path, which an HTTP error may quote alone.
    /// </summary>
    public static void Remember(string secret, string? variable = null)
    {
        var replacement = variable is null ? Mask : "$" + variable;
        var trimmed = secret.Trim();
        var forms = new List<(string, string)> { (secret, replacement), (trimmed, replacement) };
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.PathAndQuery.Length > 1)
        {
            forms.Add((uri.AbsoluteUri, replacement));
            forms.Add((uri.PathAndQuery, variable is null ? Mask : $"<path of {replacement}>"));
        }
        Current.Add(forms);
    }

    /// <summary>Whether any secret is remembered: without one, text needs no redaction.</summary>
    public static bool Any => Current.Values.Length > 0;

    /// <summary><paramref name="text"/> with every remembered secret replaced by its variable's name or <see cref="Mask"/>.</summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        foreach (var (value, replacement) in Current.Values)
            if (text.Contains(value, StringComparison.Ordinal)) text = text.Replace(value, replacement, StringComparison.Ordinal);
        return text;
    }

    /// <summary>
    /// Reads a secret from the environment as given, without surrounding whitespace (a value from <c>$(cat file)</c> or
    /// a pasted secret often ends with a line break), and remembers it. Null when the variable is not set or empty.
    /// </summary>
    /// <param name="forHttp">The secret goes into an HTTP header or URL: a character HTTP cannot carry is refused.</param>
    /// <exception cref="UsageException">The value holds what it cannot hold; the message names the variable only.</exception>
    public static string? Read(Func<string, string?> getVariable, string name, bool forHttp = true)
    {
        var raw = getVariable(name);
        if (raw is null) return null;
        Remember(raw, name);
        var value = raw.Trim();
        if (value.Length == 0) return null;
        if (forHttp && value.Any(c => c is < '!' or > '~'))
            throw new UsageException(
                $"${name} holds characters that an HTTP request cannot carry (a line break, a space or a control character inside the value): set it to the secret alone");
        if (!forHttp && value.Any(c => char.IsControl(c)))
            throw new UsageException($"${name} holds control characters (a line break inside the value?): set it to the secret alone");
        return value;
    }

    /// <summary>The secrets of one scope, longest first, so that one that contains another (a URL and its path) is replaced whole.</summary>
    private sealed class Known
    {
        private readonly Lock _gate = new();
        private (string Value, string Replacement)[] _values = [];

        public (string Value, string Replacement)[] Values => Volatile.Read(ref _values);

        public void Add(IEnumerable<(string Value, string Replacement)> forms)
        {
            lock (_gate)
            {
                var known = _values.ToList();
                foreach (var (value, name) in forms)
                    if (value.Length >= MinimumLength && !known.Any(k => k.Value == value))
                        known.Add((value, name));
                Volatile.Write(ref _values, [.. known.OrderByDescending(k => k.Value.Length).ThenBy(k => k.Value, StringComparer.Ordinal)]);
            }
        }
    }

    private sealed class ScopeEnd(Known? previous) : IDisposable
    {
        public void Dispose() => CurrentScope.Value = previous;
    }
}
