using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace AdvisoryPipeline.Tests.TestSupport;

/// <summary>
/// Compares an output with a golden file committed in the source tree (not the bin folder), byte for byte.
/// <c>UPDATE_GOLDEN=1</c> (re)writes the golden file instead of comparing. The only normalisation is the temp
/// folder: every path under the system temp folder loses its machine-specific root, <c>/tmp/advisory-test-x1y2/out</c>
/// becomes <c>&lt;tmp&gt;/out</c>.
/// </summary>
public static class GoldenFile
{
    public const string UpdateVariable = "UPDATE_GOLDEN";
    public const string TempToken = "<tmp>";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The test project's folder in the source tree, which <c>relativePath</c> arguments start from.</summary>
    public static string ProjectFolder { get; } = Path.Combine(SharedData.RepositoryRoot, "tests", "AdvisoryPipeline.Tests");

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>
    /// Fails unless <paramref name="actual"/> (with temp paths normalised) is exactly the content of the golden file
    /// <paramref name="relativePath"/> under tests/AdvisoryPipeline.Tests/; with <c>UPDATE_GOLDEN=1</c>, writes it.
    /// </summary>
    public static void Verify(string relativePath, string actual)
    {
        var path = Path.GetFullPath(Path.Combine(ProjectFolder, relativePath));
        var shown = Path.GetRelativePath(SharedData.RepositoryRoot, path).Replace('\\', '/');
        var text = Normalise(actual);

        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(Utf8.GetBytes(text)))
                File.WriteAllBytes(path, Utf8.GetBytes(text));
            return;
        }

        var update = $"  {UpdateVariable}=1 dotnet test tests/AdvisoryPipeline.Tests --filter \"FullyQualifiedName~{CallingTest()}\"";
        if (!File.Exists(path))
            Assert.Fail($"The golden file {shown} does not exist. Create it from the current output with\n{update}\n" +
                "then read it to check that it is right, and commit it.");

        var expected = Utf8.GetString(File.ReadAllBytes(path));
        if (string.Equals(expected, text, StringComparison.Ordinal)) return;
        Assert.Fail($"The output differs from the golden file {shown}\n{FirstDifference(expected, text)}\n" +
            $"If the new output is intended, rewrite the golden file with\n{update}\nand review its diff before committing.");
    }

    /// <summary>The full name of the test method that is running (the nearest [Fact] or [Theory] on the stack).</summary>
    private static string CallingTest()
    {
        foreach (var frame in new StackTrace().GetFrames())
            if (frame.GetMethod() is { DeclaringType: { } type } method && method.IsDefined(typeof(FactAttribute), inherit: true))
                return $"{type.FullName}.{method.Name}";
        return "GoldenTests";
    }

    /// <summary>Replaces each path under the system temp folder's root (its first segment included) with <see cref="TempToken"/>.</summary>
    public static string Normalise(string text)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetTempPath());
        return Regex.Replace(text, Regex.Escape(root) + @"[/\\][^/\\\s""'<>:;,]+", TempToken);
    }

    /// <summary>
    /// A standard form for one command's result: the command line, the exit code, then standard output and standard
    /// error, each in its own section. A stream that does not end with a line break is marked, as diff does.
    /// </summary>
    public static string Transcript(CliResult result, params string[] args)
    {
        var text = new StringBuilder();
        text.Append("$ advisory ").Append(string.Join(' ', args.Select(Quote))).Append('\n');
        text.Append("exit: ").Append(result.ExitCode).Append('\n');
        Section("stdout", result.Out);
        Section("stderr", result.Error);
        return text.ToString();

        void Section(string name, string content)
        {
            text.Append("--- ").Append(name).Append(" ---\n").Append(content);
            if (content.Length > 0 && !content.EndsWith('\n')) text.Append("\n\\ no line break at the end\n");
        }

        static string Quote(string arg) => arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@,+<>".Contains(c))
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line]) line++;
        return $"""
            first difference at line {line + 1} (the golden file has {Count(expected)}, the output {Count(actual)}):
              expected: {Show(expectedLines, line)}
              actual:   {Show(actualLines, line)}
            """;

        static string Count(string text) => $"{text.Count(c => c == '\n')} line breaks";

        static string Show(string[] lines, int index) => index < lines.Length ? Visible(lines[index]) : "<end of file>";
    }

    /// <summary>The line in quotes, with control characters (a stray \r, a tab) spelled out so that they can be seen.</summary>
    private static string Visible(string line)
    {
        var text = new StringBuilder("\"");
        foreach (var c in line)
        {
            text.Append(c switch
            {
                '\r' => "\\r",
                '\t' => "\\t",
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(c) || c is '\u200B' or '\u200E' or '\u200F' or '\uFEFF' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                    => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }
}
