namespace AdvisoryPipeline.FileSystem;

/// <summary>
/// What the file system says of a file's identity and last change, as git's index keeps it: device, inode, size, and
/// the modification and status-change times in nanoseconds. Any write to the file moves its change time, which no
/// program can set back (unlike the modification time, which <c>touch -r</c> or an archive restores); a file
/// replaced by a rename is another inode. So an equal stamp means the same content, except for a change made
/// within the same tick of the file system's clock as the stamp was read: see <see cref="IsSettledBefore"/>.
/// </summary>
public readonly record struct FileStamp(ulong Device, ulong Inode, long Size, long ModifiedNanoseconds, long ChangedNanoseconds)
{
    /// <summary>
    /// Whether the file last changed at least <paramref name="margin"/> before <paramref name="moment"/> (the start of the
    /// run that read it). Only such a stamp may stand for the content later: a file written again in the same clock tick
    /// as the write the stamp saw keeps an equal stamp with other bytes (git's "racily clean" entries).
    /// </summary>
    public bool IsSettledBefore(DateTimeOffset moment, TimeSpan margin)
    {
        var limit = (moment - margin).ToUnixTimeMilliseconds() * 1_000_000;
        return ChangedNanoseconds < limit && ModifiedNanoseconds < limit;
    }
}
