using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Publishing.Repository;

/// <summary>
/// Where records live in a repository target: <c>&lt;folder&gt;/&lt;year&gt;/&lt;ID&gt;.json</c>, the year taken
/// from the ID (<c>TSSA-2025-4</c> is in <c>2025</c>; an ID without one, such as a GHSA, is in <c>other</c>), plus
/// the publisher's ledger file <c>&lt;folder&gt;/ledger.json</c>. Every other <c>.json</c> file under the folder is
/// read as a record (the folder belongs to the publisher); one at a path other than its ID's is moved there.
/// </summary>
public sealed record RecordLayout
{
    public const string LedgerFileName = "ledger.json";

    public const string OtherYear = "other";

    /// <exception cref="ArgumentException">The folder is not a relative path of plain names.</exception>
    public RecordLayout(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!PublishTargetSpec.IsRepositoryFolder(folder))
            throw new ArgumentException($"'{folder}' is not a folder of the repository: give a relative path such as 'osv' or 'data/osv'.", nameof(folder));
        Folder = folder;
    }

    /// <summary>The folder, relative to the repository's root, without leading or trailing '/'.</summary>
    public string Folder { get; }

    public string LedgerPath => $"{Folder}/{LedgerFileName}";

    public string PathOf(string id) => $"{Folder}/{YearOf(id)}/{id}.json";

    /// <summary>The year of the ID (<see cref="AdvisoryId.Year"/>), else <see cref="OtherYear"/>.</summary>
    public static string YearOf(string id) =>
        AdvisoryId.Read(id).Year is { } year ? year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) : OtherYear;

    /// <summary>The ID of the record file at <paramref name="path"/> (a repository path), or null when it is not one.</summary>
    public string? RecordIdAt(string path)
    {
        if (!path.StartsWith(Folder + "/", StringComparison.Ordinal) || path == LedgerPath || !path.EndsWith(".json", StringComparison.Ordinal))
            return null;
        var name = path[(path.LastIndexOf('/') + 1)..^".json".Length];
        return name.Length > 0 ? name : null;
    }

    /// <summary>A path relative to <see cref="Folder"/>, as the ledger file stores it.</summary>
    public string RelativeToFolder(string path) => path[(Folder.Length + 1)..];
}
