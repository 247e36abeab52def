namespace AdvisoryPipeline.Announcing;

/// <summary>
/// The secret values of a run (webhook URLs, access tokens) and the names of the variables they came from, so that
/// every text leaving the tool (messages, errors, a service's answer, an exception's message) can be cleaned of
/// them: each value, and for a URL also its path and query (where webhook tokens live), becomes <c>$VARIABLE</c>.
/// </summary>
public sealed class ChatSecrets
{
    private readonly List<(string Value, string Name)> _secrets = [];

    public void Add(string value, string variable)
    {
        if (value.Length == 0) return;
        _secrets.Add((value, "$" + variable));
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.PathAndQuery.Length > 1)
        {
            _secrets.Add((uri.PathAndQuery, "<path of $" + variable + ">"));
            _secrets.Add((uri.AbsoluteUri, "$" + variable));
        }
        // Longest first, so that a URL is replaced whole before its path is.
        _secrets.Sort((a, b) => b.Value.Length.CompareTo(a.Value.Length));
    }

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        foreach (var (value, name) in _secrets)
            text = text.Replace(value, name, StringComparison.Ordinal);
        return text;
    }
}
