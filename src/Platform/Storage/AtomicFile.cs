namespace SmartPark.Platform.Storage;

/// <summary>
/// Replaces a small state file whole: written to a temporary file, flushed to the disk and renamed
/// over the old one, so a crash leaves either the old file or the new one, never half of either.
/// The folder is flushed after the rename, so once this returns a power cut cannot bring the old
/// file back.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var temp = path + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            write(file);
            file.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
        DirectorySync.FlushParentOf(path);
    }
}
