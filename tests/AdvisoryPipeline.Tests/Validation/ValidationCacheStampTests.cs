using System.Diagnostics;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Tests.TestSupport;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Tests.Validation;

/// <summary>
/// The cache takes a file whose stamp (device, inode, size, modification and change times) is unchanged and settled for
/// unchanged content, without reading it; any write moves the change time, so a rewrite of the same size with its old
/// modification time put back is still read again.
/// </summary>
public sealed class ValidationCacheStampTests : IDisposable
{
    private readonly TempFolder _temp = new("advisory-stamps-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Unchanged_settled_files_are_not_read_again_and_give_the_same_findings()
    {
        var files = Database(3);
        var options = Options(TimeSpan.Zero);

        var first = DatabaseValidator.Validate(files, options);
        var second = DatabaseValidator.Validate(Rediscover(), options);

        Assert.Equal(3, first.ContentReads);
        Assert.Equal(0, second.ContentReads);
        Assert.Equal(first.AllFindings, second.AllFindings);
    }

    [Fact]
    public void A_rewrite_of_the_same_size_with_the_old_modification_time_is_read_again()
    {
        var files = Database(2);
        var options = Options(TimeSpan.Zero);
        Assert.DoesNotContain(DatabaseValidator.Validate(files, options).AllFindings, f => f.Code == "YAML101");

        // What `touch -r` or an archive restore does: same size, same modification time, other bytes. The wait makes
        // the change time move even on a file system that keeps whole seconds.
        Thread.Sleep(1100);
        var path = files[0].FullPath;
        var before = File.GetLastWriteTimeUtc(path);
        var text = File.ReadAllText(path);
        var changed = text.Replace("fixed: \"1.2.0\"", "fixed:    1.20", StringComparison.Ordinal);
        Assert.Equal(text.Length, changed.Length);
        File.WriteAllText(path, changed);
        File.SetLastWriteTimeUtc(path, before);

        var again = DatabaseValidator.Validate(Rediscover(), options);

        // The rewritten file twice (its hash misses the cache, then it is checked), the other not at all.
        Assert.Equal(2, again.ContentReads);
        Assert.Contains(again.AllFindings, f => f.Code == "YAML101" && f.Location.File == files[0].DisplayPath);
    }

    [Fact]
    public void A_file_changed_just_before_the_run_is_read_again_next_time()
    {
        var files = Database(2);
        // The default margin: files written a moment ago have not settled, so their stamps are not trusted yet.
        var options = Options(new ValidationOptions().StampSettling);

        DatabaseValidator.Validate(files, options);
        var second = DatabaseValidator.Validate(Rediscover(), options);

        Assert.Equal(2, second.ContentReads);
    }

    private ValidationOptions Options(TimeSpan settling) =>
        new() { CacheFile = _temp.Combine("cache", "validate.bin"), StampSettling = settling };

    private IReadOnlyList<AdvisoryFile> Database(int count)
    {
        var folder = _temp.Combine("advisories");
        Directory.CreateDirectory(folder);
        for (var n = 1; n <= count; n++)
            File.WriteAllText(Path.Combine(folder, $"TSSA-2025-{n}.yaml"), SampleAdvisories.CleanYaml($"TSSA-2025-{n}", package: $"tessera-{n}"));
        // Stamps are read before the content: wait past the file system's clock tick so "settled" means something.
        Thread.Sleep(50);
        return Rediscover();
    }

    private IReadOnlyList<AdvisoryFile> Rediscover()
    {
        var files = AdvisoryFileDiscovery.Discover([_temp.Combine("advisories")], _temp.Path).Files;
        Debug.Assert(files.All(f => f.Stamp is not null || !OperatingSystem.IsLinux()));
        return files;
    }
}
