namespace AdvisoryPipeline.Loading;

/// <summary>The names a database's files have by convention, known to every command that looks for them.</summary>
public static class DatabaseFiles
{
    /// <summary>The folder of advisories that commands work on when given no path.</summary>
    public const string AdvisoryFolder = "advisories";

    /// <summary>The database configuration, found in the advisories' folder or a folder above it; never an advisory.</summary>
    public const string ConfigFile = "database.yaml";
}
