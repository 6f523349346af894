using System.Security.Cryptography;
using SmartPark.ParkData.Rectification;

namespace SmartPark.UnitTests.Rectification;

/// <summary>The evidence folder on a real file system: files named by their hash, size limits, nothing written for a refused file, no path from outside.</summary>
public sealed class EvidenceStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("evidence-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Folder => Path.Combine(_root, "evidence");

    [Fact]
    public async Task A_photo_is_stored_under_its_content_hash_once_in_a_private_folder()
    {
        var store = new EvidenceStore(Folder);
        var photo = EvidenceContentTests.Jpeg();
        var stored = await store.SaveAsync(photo, 1 << 20, CancellationToken.None);
        var again = await store.SaveAsync(photo, 1 << 20, CancellationToken.None);

        var hash = Convert.ToHexStringLower(SHA256.HashData(photo));
        Assert.Equal(hash, stored!.Sha256);
        Assert.Equal(stored, again);
        var path = store.PathOf(hash, stored.Kind)!;
        Assert.Equal(Path.Combine(Folder, hash[..2], hash + ".jpg"), path);
        Assert.Equal(photo, await File.ReadAllBytesAsync(path));
        Assert.Single(Directory.GetFiles(Folder, "*", SearchOption.AllDirectories));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Folder));
    }

    [Fact]
    public async Task A_file_over_the_limit_an_empty_one_and_one_of_another_type_are_refused_and_nothing_is_written()
    {
        var store = new EvidenceStore(Folder);
        var reasons = new List<string>();
        Assert.Null(await store.SaveAsync(EvidenceContentTests.Jpeg(4096), 4095, CancellationToken.None, reasons.Add));
        Assert.Null(await store.SaveAsync([], 4096, CancellationToken.None, reasons.Add));
        Assert.Null(await store.SaveAsync("<html><script>alert(1)</script>"u8.ToArray(), 4096, CancellationToken.None, reasons.Add));
        Assert.Equal(3, reasons.Count);
        Assert.Contains("larger than 4095 bytes", reasons[0]);
        Assert.False(Directory.Exists(Folder) && Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Any());
        // Exactly at the limit is accepted.
        Assert.NotNull(await store.SaveAsync(EvidenceContentTests.Jpeg(4096), 4096, CancellationToken.None));
    }

    [Theory]
    [InlineData("../../../../etc/passwd")]
    [InlineData("..")]
    [InlineData("ab/../../x")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde")]
    public void A_stored_name_that_is_not_a_hash_never_becomes_a_path(string sha256)
    {
        var store = new EvidenceStore(Folder);
        Assert.Null(store.PathOf(sha256, EvidenceContent.Jpeg));
    }

    [Fact]
    public void Only_the_four_kinds_have_a_stored_type()
    {
        var store = new EvidenceStore(Folder);
        Assert.Null(store.PathOf(new string('a', 64), new EvidenceKind("text/html", "/../../x.html")));
        Assert.Null(EvidenceStore.KindOf("text/html"));
        Assert.Null(EvidenceStore.KindOf("image/svg+xml"));
        Assert.Equal(EvidenceContent.WebP, EvidenceStore.KindOf("image/webp"));
    }
}
