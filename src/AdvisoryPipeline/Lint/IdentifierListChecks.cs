namespace AdvisoryPipeline.Lint;

/// <summary>OSV301-OSV305: the ids a record points to in <c>aliases</c>, <c>related</c> and <c>upstream</c>.</summary>
internal static class IdentifierListChecks
{
    public static void Check(RecordContext context)
    {
        var record = context.Record;
        CheckList(context, "aliases", record.Aliases);
        CheckList(context, "related", record.Related);
        CheckList(context, "upstream", record.Upstream);
        CheckDisjoint(context, record.Aliases, record.Related);
    }

    private static void CheckList(RecordContext context, string field, IReadOnlyList<string>? list)
    {
        if (list is null || list.Count == 0) return;
        var seen = list.Count > 1 ? new Dictionary<string, int>(list.Count, StringComparer.Ordinal) : null;
        for (var i = 0; i < list.Count; i++)
        {
            var identifier = list[i];
            if (identifier is null) continue;
            var pointer = Pointers.Item("/" + field, i);
            if (!AsciiCheck.IsAscii(identifier))
            {
                AsciiCheck.Report(context, pointer, identifier, $"the {field} entry");
                continue;
            }

            if (string.Equals(identifier, context.Record.Id, StringComparison.Ordinal))
                context.Report(LintRules.NoSelfReference, pointer, $"{field} lists {identifier}, the record's own id",
                    $"remove it: {field} names other records");
            else
                CheckFormat(context, field, pointer, identifier);

            if (seen is not null && !seen.TryAdd(identifier, i))
                context.Report(LintRules.NoDuplicateIdentifier, pointer,
                    $"{identifier} is listed twice in {field} (first on line {context.Locate(Pointers.Item("/" + field, seen[identifier])).Line})",
                    "remove the second entry");
        }
    }

    private static void CheckFormat(RecordContext context, string field, string pointer, string identifier)
    {
        switch (IdentifierFormat.Check(identifier, context.Config.IdPrefix, out var reason, out var suggestion))
        {
            case IdentifierProblem.Malformed:
                context.Report(LintRules.WellFormedIdentifier, pointer, $"the {field} entry {identifier} {reason}",
                    suggestion is null ? "write the id exactly as its database publishes it" : $"write {suggestion}");
                break;
            case IdentifierProblem.UnknownPrefix:
                context.Report(LintRules.KnownIdentifierPrefix, pointer, $"the {field} entry {identifier} {reason}",
                    "OSV tools cannot look it up; prefer the CVE or GHSA id of the same vulnerability, or move the link to references");
                break;
        }
    }

    /// <summary>An alias is the same vulnerability, a related id a different one: an id cannot be both.</summary>
    private static void CheckDisjoint(RecordContext context, IReadOnlyList<string>? aliases, IReadOnlyList<string>? related)
    {
        if (aliases is not { Count: > 0 } || related is not { Count: > 0 }) return;
        var aliasIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < aliases.Count; i++)
            if (aliases[i] is { } alias) aliasIndex.TryAdd(alias, i);
        for (var i = 0; i < related.Count; i++)
        {
            if (related[i] is not { } identifier || !aliasIndex.TryGetValue(identifier, out var at)) continue;
            context.Report(LintRules.AliasesAndRelatedDisjoint, Pointers.Item("/related", i),
                $"{identifier} is both related and an alias (line {context.Locate(Pointers.Item("/aliases", at)).Line})",
                "keep it in aliases if it is the same vulnerability, in related if it is a different one");
        }
    }
}
