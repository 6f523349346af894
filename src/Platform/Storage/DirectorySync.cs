using System.ComponentModel;
using System.Runtime.InteropServices;

namespace SmartPark.Platform.Storage;

/// <summary>
/// Flushes a directory's entries to the disk (POSIX <c>fsync</c> on the directory). Creating,
/// renaming or deleting a file changes its directory, not the file: without this, a power cut
/// after a flushed file was created or renamed can leave the directory without the new name
/// (ext4 and XFS make no promise otherwise). .NET cannot open a directory as a file
/// (<c>File.OpenHandle</c> refuses), hence <c>open(2)</c> and <c>fsync(2)</c> from libc. Windows
/// makes directory changes durable with the file's own flush, so there it does nothing.
/// </summary>
public static partial class DirectorySync
{
    private const int ReadOnly = 0;
    private const int CloseOnExec = 0x80000; // O_CLOEXEC, the same on x64 and arm64

    /// <summary>Makes the entries of <paramref name="directory"/> durable; throws
    /// <see cref="IOException"/> (with the errno text) when it cannot.</summary>
    public static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows())
            return;
        var fd = Open(directory, ReadOnly | OpenDirectoryFlag() | CloseOnExec);
        if (fd < 0)
            throw Failure("open", directory);
        try
        {
            if (Fsync(fd) != 0)
                throw Failure("fsync", directory);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>The folder holding <paramref name="path"/>, flushed: after a file there was created or renamed.</summary>
    public static void FlushParentOf(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
            Flush(directory);
    }

    /// <summary>O_DIRECTORY, so a path that is not a directory fails instead of syncing a file;
    /// its value differs between architectures (asm-generic vs. x86 and arm).</summary>
    private static int OpenDirectoryFlag() =>
        OperatingSystem.IsMacOS() ? 0x100000
        : RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.Arm or Architecture.Arm64 => 0x4000,
            _ => 0x10000,
        };

    private static IOException Failure(string call, string directory)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"{call} of directory '{directory}' failed: {new Win32Exception(errno).Message} (errno {errno})");
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
