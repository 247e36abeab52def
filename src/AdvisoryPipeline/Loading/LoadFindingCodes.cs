namespace AdvisoryPipeline.Loading;

/// <summary>
/// Stable codes of the findings that loading a YAML file can produce. Other stages and users refer to
/// them (lint configuration, documentation), so a code never changes meaning once released.
/// </summary>
/// <remarks>
/// <code>
/// code     level    meaning
/// YAML000  error    the file cannot be read (missing, not a file, no permission)
/// YAML001  error    YAML syntax error (the parser's message and position)
/// YAML002  error    duplicate key in a mapping (points at the second, names the line of the first)
/// YAML003  error    a key that is a mapping or a sequence
/// YAML004  error    a key that is not a string (a plain 1, true, null, ~ or empty key, or a tagged one)
/// YAML005  error    more than one document in the file
/// YAML006  error    a tag other than the core ones (!!str !!int !!float !!bool !!null !!map !!seq and !)
/// YAML007  error    anchors and aliases expand to more nodes than the budget (billion laughs)
/// YAML008  error    nesting deeper than the limit (64)
/// YAML009  error    the file is larger than the limit (1 MiB)
/// YAML010  error    the file is not valid UTF-8 (bad byte sequence, or UTF-16/UTF-32)
/// YAML011  error    the file is empty, or its document is not a mapping
/// YAML012  error    a merge key (&lt;&lt;), which YAML 1.2 does not have
/// YAML013  error    an alias to an anchor that is not defined before it
/// YAML014  error    a core tag on a value it does not fit (!!int abc, !!map on a sequence)
/// YAML015  error    a value JSON cannot represent (.inf, .nan)
/// YAML016  error    not read: not a regular file inside the database folder (a link out of it, a FIFO, a device)
/// YAML101  error    a plain scalar read as a number where a string is expected (fixed: 1.10)
/// YAML102  error    a plain scalar read as a boolean where a string is expected (name: true)
/// YAML103  error    a plain scalar read as null where a string is expected (summary: ~, summary:)
/// YAML111  warning  y/n/yes/no/on/off: a boolean for YAML 1.1 tools, a string for YAML 1.2
/// YAML112  warning  1:9, 190:20:30: a base-60 number for YAML 1.1 tools, a string for YAML 1.2
/// YAML113  warning  2021-10-11T01:16:41Z: a timestamp for YAML 1.1 tools, a string for YAML 1.2
/// YAML114  warning  0777, 0b101, 1_000, 1e3, 0o17: YAML 1.1 and 1.2 read different values
/// </code>
/// </remarks>
public static class LoadFindingCodes
{
    public const string Unreadable = "YAML000";
    public const string Syntax = "YAML001";
    public const string DuplicateKey = "YAML002";
    public const string NonScalarKey = "YAML003";
    public const string NonStringKey = "YAML004";
    public const string SeveralDocuments = "YAML005";
    public const string UnknownTag = "YAML006";
    public const string AliasBudget = "YAML007";
    public const string TooDeep = "YAML008";
    public const string TooLarge = "YAML009";
    public const string Encoding = "YAML010";
    public const string NotAMapping = "YAML011";
    public const string MergeKey = "YAML012";
    public const string UndefinedAlias = "YAML013";
    public const string TagMismatch = "YAML014";
    public const string NotRepresentable = "YAML015";
    public const string NotRegularFile = "YAML016";

    public const string NumberForString = "YAML101";
    public const string BooleanForString = "YAML102";
    public const string NullForString = "YAML103";

    public const string Yaml11Boolean = "YAML111";
    public const string Yaml11Sexagesimal = "YAML112";
    public const string Yaml11Timestamp = "YAML113";
    public const string Yaml11Number = "YAML114";
}
