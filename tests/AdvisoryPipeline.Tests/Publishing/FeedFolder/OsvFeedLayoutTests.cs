using System.IO.Compression;
using System.Text;
using System.Text.Json;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Publishing.FeedFolder;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Publishing.FeedFolder;

public sealed class OsvFeedLayoutTests
{
    [Fact]
    public void Ecosystem_folders_follow_osv_dev_base_names_git_ranges_and_empty()
    {
        var debian = SampleAdvisories.Record("TSSA-2025-1", ecosystem: "Debian:12");
        var both = SampleAdvisories.Record("TSSA-2025-2") with
        {
            Affected =
            [
                new OsvAffected { Package = new OsvPackage { Ecosystem = "npm", Name = "tessera-client" } },
                new OsvAffected { Package = new OsvPackage { Ecosystem = "crates.io", Name = "tessera" } },
                new OsvAffected { Ranges = [new OsvRange { Type = "GIT", Repo = "https://github.com/t/t", Events = [new OsvEvent { Introduced = "0" }] }] },
            ],
        };
        var none = SampleAdvisories.Record("TSSA-2025-3") with { Affected = null };

        Assert.Equal(["Debian"], FeedEcosystems.FoldersOf(debian));
        Assert.Equal(["GIT", "crates.io", "npm"], FeedEcosystems.FoldersOf(both));
        Assert.Equal(["[EMPTY]"], FeedEcosystems.FoldersOf(none));
    }

    [Fact]
    public void The_feed_has_every_file_of_the_osv_dev_layout_and_a_record_in_each_of_its_ecosystems()
    {
        var files = OsvFeedLayout.Build(Records());

        Assert.Equal(
            [
                "PyPI/TSSA-2025-1.json", "PyPI/TSSA-2025-3.json", "PyPI/all.zip", "PyPI/modified_id.csv",
                "all.zip", "ecosystems.txt", "index.json",
                "modified_id.csv",
                "npm/TSSA-2025-2.json", "npm/TSSA-2025-3.json", "npm/all.zip", "npm/modified_id.csv",
            ],
            files.Keys);
        Assert.Equal("PyPI\nnpm\n", Encoding.UTF8.GetString(files["ecosystems.txt"]));
        Assert.Equal(files["PyPI/TSSA-2025-3.json"], files["npm/TSSA-2025-3.json"]);
    }

    [Fact]
    public void Modified_id_csv_lists_newest_first_then_by_path_with_the_ecosystem_in_the_root_file()
    {
        var files = OsvFeedLayout.Build(Records());

        Assert.Equal(
            "2026-01-05T00:00:00.25Z,TSSA-2025-3\n2026-01-05T00:00:00Z,TSSA-2025-1\n",
            Encoding.UTF8.GetString(files["PyPI/modified_id.csv"]));
        Assert.Equal(
            "2026-01-05T00:00:00.25Z,PyPI/TSSA-2025-3\n2026-01-05T00:00:00.25Z,npm/TSSA-2025-3\n"
            + "2026-01-05T00:00:00Z,PyPI/TSSA-2025-1\n2026-01-04T00:00:00Z,npm/TSSA-2025-2\n",
            Encoding.UTF8.GetString(files["modified_id.csv"]));
    }

    [Fact]
    public void Zips_hold_the_records_sorted_with_fixed_dates_and_are_identical_when_built_again()
    {
        var files = OsvFeedLayout.Build(Records());
        var again = OsvFeedLayout.Build([.. Records().Reverse()]);

        using var root = new ZipArchive(new MemoryStream(files["all.zip"]));
        using var npm = new ZipArchive(new MemoryStream(files["npm/all.zip"]));

        Assert.Equal(["TSSA-2025-1.json", "TSSA-2025-2.json", "TSSA-2025-3.json"], root.Entries.Select(entry => entry.FullName));
        Assert.Equal(["TSSA-2025-2.json", "TSSA-2025-3.json"], npm.Entries.Select(entry => entry.FullName));
        Assert.All(root.Entries, entry => Assert.Equal(new DateTime(1980, 1, 1), entry.LastWriteTime.DateTime));
        foreach (var entry in root.Entries)
        {
            using var content = new MemoryStream();
            entry.Open().CopyTo(content);
            Assert.Equal(RecordFile(files, entry.FullName), content.ToArray());
        }
        Assert.Equal(files.Keys, again.Keys);
        Assert.All(files, file => Assert.Equal(file.Value, again[file.Key]));
    }

    [Fact]
    public void Index_json_lists_id_modified_and_aliases_sorted_by_id()
    {
        var files = OsvFeedLayout.Build(Records());

        using var index = JsonDocument.Parse(files["index.json"]);

        Assert.Equal(
            [
                ("TSSA-2025-1", "2026-01-05T00:00:00Z", "CVE-2025-1001"),
                ("TSSA-2025-2", "2026-01-04T00:00:00Z", "CVE-2025-1002"),
                ("TSSA-2025-3", "2026-01-05T00:00:00.250Z", "CVE-2025-1003"),
            ],
            index.RootElement.EnumerateArray().Select(entry => (
                entry.GetProperty("id").GetString(),
                entry.GetProperty("modified").GetString(),
                entry.GetProperty("aliases")[0].GetString())));
        Assert.EndsWith("]\n", Encoding.UTF8.GetString(files["index.json"]), StringComparison.Ordinal);
    }

    /// <summary>The record file of that name in whichever ecosystem folder holds it.</summary>
    private static byte[] RecordFile(IReadOnlyDictionary<string, byte[]> files, string name) =>
        files.First(file => file.Key.EndsWith("/" + name, StringComparison.Ordinal)).Value;

    private static FeedRecord[] Records()
    {
        var one = SampleAdvisories.Record("TSSA-2025-1", modified: "2026-01-05T00:00:00Z", aliases: ["CVE-2025-1001"]);
        var two = SampleAdvisories.Record("TSSA-2025-2", ecosystem: "npm", modified: "2026-01-04T00:00:00Z", aliases: ["CVE-2025-1002"]);
        var three = SampleAdvisories.Record("TSSA-2025-3", modified: "2026-01-05T00:00:00.250Z", aliases: ["CVE-2025-1003"]) with
        {
            Affected =
            [
                new OsvAffected { Package = new OsvPackage { Ecosystem = "PyPI", Name = "tessera" } },
                new OsvAffected { Package = new OsvPackage { Ecosystem = "npm", Name = "tessera" } },
            ],
        };
        return [.. new[] { one, two, three }.Select(record => FeedRecord.From(record, CanonicalOsvWriter.Write(record)))];
    }
}
