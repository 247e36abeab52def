using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;
using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Cli;

/// <summary>
/// What is wrong with a command line, one line per mistake, each saying what to write instead: a misspelt command
/// (<c>advisory valdate</c>: "unknown command valdate: did you mean validate?"), a misspelt option
/// (<c>--formt</c>), a value outside an option's fixed set (<c>--format jsn</c>). The parser's own messages stay
/// for everything else; those that only restate a mistake reported here ("Required command was not provided" after
/// an unknown command) are left out.
/// </summary>
internal static class ParseErrorMessages
{
    public static IReadOnlyList<string> Of(ParseResult parse)
    {
        var messages = new List<string>();
        var reported = new List<string>();
        var command = parse.CommandResult;

        foreach (var token in parse.UnmatchedTokens)
        {
            if (IsOptionLike(token))
            {
                messages.Add(UnknownOption(token, command.Command));
                reported.Add(token);
            }
            else if (reported.Count == 0 && VisibleSubcommands(command.Command).Any())
            {
                messages.Add(UnknownCommand(token, command.Command));
                reported.Add(token);
            }
        }

        // An option the parser does not know is otherwise taken for a PATH or ID argument; a file named "-x" is "./-x".
        foreach (var token in command.Children.OfType<ArgumentResult>().SelectMany(argument => argument.Tokens).Select(t => t.Value))
        {
            if (!IsOptionLike(token) || reported.Contains(token)) continue;
            messages.Add(UnknownOption(token, command.Command));
            reported.Add(token);
        }

        // "advisory cve reserv": a command whose arguments are IDs takes the misspelt subcommand for one.
        if (reported.Count == 0 && FirstArgumentWord(command) is { } word
            && Suggestions.Closest(word, VisibleSubcommands(command.Command).Select(c => c.Name)) is { } meant)
        {
            messages.Add($"unknown command {PathOf(command.Command)}{word}: did you mean {PathOf(command.Command)}{meant}?");
            reported.Add(word);
        }

        foreach (var error in parse.Errors)
        {
            if (reported.Any(token => error.Message.Contains(token, StringComparison.Ordinal))) continue;
            // "Required command was not provided": the unknown command or option said what was wrong.
            if (reported.Count > 0 && error.SymbolResult is CommandResult) continue;
            messages.Add(InvalidValue(error) ?? error.Message);
        }
        return messages;
    }

    private static bool IsOptionLike(string token) => token.StartsWith('-') && token.Length > 1;

    private static string UnknownCommand(string token, Command parent)
    {
        var names = VisibleSubcommands(parent).Select(c => c.Name).ToArray();
        var path = PathOf(parent);
        return Suggestions.Closest(token, names) is { } meant
            ? $"unknown command {path}{token}: did you mean {path}{meant}?"
            : $"unknown command {path}{token} (the commands are: {Suggestions.List(names, names.Length)})";
    }

    private static string UnknownOption(string token, Command command)
    {
        var names = OptionsOf(command).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(name => name.StartsWith("--", StringComparison.Ordinal)).Distinct().ToArray();
        // A one-letter option is too short to guess from: "-x" is as close to "-h" as to anything.
        var meant = token.Length > 2 ? Suggestions.Closest(token, names) : null;
        if (meant is not null) return $"unknown option {token}: did you mean {meant}?";
        var where = command is RootCommand ? "" : $" of {PathOf(command).TrimEnd()}";
        return $"unknown option {token} (the options{where} are: {Suggestions.List(names)})";
    }

    /// <summary>
    /// A value outside the fixed set of an option (an enum such as <c>--format</c>, or <c>AcceptOnlyFromAmong</c>):
    /// the values it takes, and the one meant. Null for any other error.
    /// </summary>
    private static string? InvalidValue(ParseError error)
    {
        var result = error.SymbolResult is ArgumentResult { Parent: OptionResult parent } ? parent : error.SymbolResult as OptionResult;
        if (result is null) return null;
        var option = result.Option;
        var isEnum = (Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType).IsEnum;
        // Enum values are parsed ignoring case and documented in lower case (--format text|json|github).
        var allowed = option.GetCompletions(CompletionContext.Empty)
            .Select(item => isEnum ? item.Label.ToLowerInvariant() : item.Label)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (allowed.Length == 0) return null;
        var comparer = isEnum ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var wrong = result.Tokens.Select(t => t.Value).FirstOrDefault(value => !allowed.Contains(value, comparer));
        if (wrong is null) return null;
        var name = result.IdentifierToken?.Value ?? option.Name;
        var list = Suggestions.List(allowed);
        return Suggestions.Closest(wrong, allowed) is { } meant
            ? $"{name} {wrong} is not one of {list}: did you mean {meant}?"
            : $"{name} {wrong} is not one of {list}";
    }

    private static IEnumerable<Command> VisibleSubcommands(Command command) => command.Subcommands.Where(c => !c.Hidden);

    /// <summary>The options a command accepts: its own and the recursive ones of the commands above it (--help).</summary>
    private static IEnumerable<Option> OptionsOf(Command command)
    {
        var options = new List<Option>(command.Options.Where(o => !o.Hidden));
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
            options.AddRange(parent.Options.Where(o => o.Recursive && !o.Hidden));
        return options;
    }

    /// <summary>The first argument of a command that has subcommands, when it is a plain lower-case word (never an ID or a path).</summary>
    private static string? FirstArgumentWord(CommandResult command)
    {
        if (!VisibleSubcommands(command.Command).Any()) return null;
        var first = command.Children.OfType<ArgumentResult>().SelectMany(argument => argument.Tokens).Select(t => t.Value).FirstOrDefault();
        return first is { Length: > 0 } && first.All(char.IsAsciiLetterLower) ? first : null;
    }

    /// <summary>"cve " for the cve command, "" for the root: what a message puts before a subcommand's name.</summary>
    private static string PathOf(Command command)
    {
        var names = new List<string>();
        for (Command? current = command; current is not null and not RootCommand; current = current.Parents.OfType<Command>().FirstOrDefault())
            names.Insert(0, current.Name);
        return names.Count == 0 ? "" : string.Join(' ', names) + " ";
    }
}
