using System.Text;

namespace AdvisoryPipeline.Editing;

/// <summary>
/// Writes an advisory file so that a reader never sees half of it: the text goes to a temporary file in the
/// same folder, which then replaces the original by rename. The byte order mark is written back when the
/// original had one; line breaks are whatever the text holds (edits keep the file's own).
/// </summary>
public static class AdvisoryFileWriter
{
    public static void Write(string path, string text, bool byteOrderMark)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(new UTF8Encoding(byteOrderMark).GetPreamble());
                stream.Write(Encoding.UTF8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows() && File.Exists(path))
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
