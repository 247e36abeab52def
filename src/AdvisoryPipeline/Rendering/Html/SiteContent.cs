using System.Text;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// The files of a rendered site by relative path (<c>/</c>-separated), complete in memory before anything
/// touches the disk, so that a failure while rendering never leaves half a site behind.
/// </summary>
public sealed class SiteContent
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>Every file, ordered by path.</summary>
    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public void Add(string relativePath, byte[] bytes)
    {
        GeneratedPath.Check(relativePath);
        if (!_files.TryAdd(relativePath, bytes))
            throw new InvalidOperationException($"Two files of the site would be written to {relativePath}.");
    }

    public void AddText(string relativePath, string text) => Add(relativePath, Utf8.GetBytes(text));

    public string TextOf(string relativePath) => Utf8.GetString(_files[relativePath]);
}
