namespace AdvisoryPipeline.Rendering;

/// <summary>
/// The shape every path inside the site must have: <c>/</c>-separated segments of letters, digits and
/// <c>. _ - ~</c>, none empty, none starting with a dot (except a first folder <c>.well-known</c>). The builders only produce such paths (IDs are
/// checked, names escaped); this is the last check before a path reaches the file system.
/// </summary>
internal static class GeneratedPath
{
    public static void Check(string relativePath)
    {
        if (!IsWellFormed(relativePath))
            throw new InvalidOperationException($"Refusing to write outside the site's folder structure: '{relativePath}'.");
    }

    /// <summary>
    /// The one folder whose name may start with a dot, and only at the root: RFC 8615's <c>/.well-known/</c>, where
    /// RFC 9116 puts security.txt. Any other dot name (<c>.git</c>, <c>..</c>, <c>.htaccess</c>) stays refused.
    /// </summary>
    public const string WellKnownFolder = ".well-known";

    public static bool IsWellFormed(string relativePath)
    {
        if (relativePath.Length == 0) return false;
        var segments = relativePath.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0 || (segment[0] == '.' && !(i == 0 && segments.Length > 1 && segment == WellKnownFolder))) return false;
            foreach (var c in segment)
                if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-' or '~')) return false;
        }
        return true;
    }

    /// <summary>The full path of a file inside <paramref name="root"/>; throws when it would resolve elsewhere.</summary>
    public static string Resolve(string root, string relativePath)
    {
        Check(relativePath);
        var rootWithSeparator = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(rootWithSeparator, relativePath));
        if (!full.StartsWith(rootWithSeparator, StringComparison.Ordinal))
            throw new InvalidOperationException($"Refusing to write '{relativePath}': it resolves outside {rootWithSeparator}.");
        return full;
    }
}
