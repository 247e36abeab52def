namespace AdvisoryPipeline.Loading.Json;

/// <summary>
/// The message of a JSON syntax error as a finding states it: System.Text.Json's reader explains the error well but
/// appends its own zero-based position and talks about reader options the author never chose.
/// </summary>
internal static class JsonSyntaxMessage
{
    public const string Hint = "JSON needs double quotes around keys and strings, a comma between entries and none after the last, and no comments";

    public static string Of(string readerMessage)
    {
        var message = readerMessage;
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (position >= 0) message = message[..position];
        message = message.Trim();

        if (message.Contains("trailing comma", StringComparison.OrdinalIgnoreCase))
            return "invalid JSON: a comma after the last entry of an object or array";
        if (message.Contains("comment", StringComparison.OrdinalIgnoreCase) || message.StartsWith("'/'", StringComparison.Ordinal))
            return "invalid JSON: comments are not allowed in JSON";
        if (message.Contains("Expected depth to be zero", StringComparison.Ordinal))
            return "invalid JSON: the file ends before every object and array is closed";
        if (message.Contains("does not contain any JSON tokens", StringComparison.Ordinal))
            return "invalid JSON: the file holds no value";

        // Keep the reader's first sentences, which say what was found and what was expected.
        var optionsAdvice = message.IndexOf(" Change the reader options", StringComparison.Ordinal);
        if (optionsAdvice >= 0) message = message[..optionsAdvice];
        return "invalid JSON: " + message.TrimEnd('.');
    }
}
