using System.Runtime.InteropServices;

namespace AdvisoryPipeline.FileSystem;

/// <summary>
/// Hard links, which .NET has no API for. The staged feed links the files it keeps instead of copying them: a link
/// writes no data (20,000 small files copy in seconds but link in a fraction of one) and keeps the file's
/// modification time. Sharing the files with the previous feed is safe because the publisher never writes into an
/// existing file: every changed file is a new one.
/// </summary>
internal static partial class HardLink
{
    /// <returns>False when the file system or platform cannot link; the caller copies instead.</returns>
    public static bool TryCreate(string existingPath, string newPath)
    {
        try
        {
            return OperatingSystem.IsWindows()
                ? CreateHardLinkW(newPath, existingPath, IntPtr.Zero)
                : Link(existingPath, newPath) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existingPath, string newPath);

    [LibraryImport("kernel32.dll", EntryPoint = "CreateHardLinkW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool CreateHardLinkW(string newPath, string existingPath, IntPtr securityAttributes);
}
