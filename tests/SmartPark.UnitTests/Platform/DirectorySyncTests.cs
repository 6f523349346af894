using SmartPark.Platform.Storage;

namespace SmartPark.UnitTests.Platform;

public sealed class DirectorySyncTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpark-dirsync-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_directory_is_flushed_and_its_descriptor_closed()
    {
        var before = OpenDescriptors();
        for (var i = 0; i < 200; i++)
            DirectorySync.Flush(_dir);
        // 200 leaked descriptors would show; a few may come and go with the runtime's own work.
        Assert.InRange(OpenDescriptors(), 0, before + 10);
    }

    [Fact]
    public void A_missing_directory_is_an_error_that_names_it()
    {
        var missing = Path.Combine(_dir, "missing");
        var error = Assert.Throws<IOException>(() => DirectorySync.Flush(missing));
        Assert.Contains(missing, error.Message);
        Assert.Contains("errno 2", error.Message); // ENOENT
    }

    [Fact]
    public void A_file_is_refused_so_the_directory_flag_is_right_for_this_machine()
    {
        var file = Path.Combine(_dir, "file");
        File.WriteAllText(file, "x");
        var error = Assert.Throws<IOException>(() => DirectorySync.Flush(file));
        Assert.Contains("errno 20", error.Message); // ENOTDIR: open had O_DIRECTORY
    }

    [Fact]
    public void The_parent_of_a_new_file_is_flushed()
    {
        var file = Path.Combine(_dir, "state.json");
        AtomicFile.Write(file, s => s.Write("{}"u8));
        DirectorySync.FlushParentOf(file);
        Assert.Equal("{}", File.ReadAllText(file));
        Assert.False(File.Exists(file + ".tmp"));
    }

    private static int OpenDescriptors() => Directory.GetFiles("/proc/self/fd").Length;
}
