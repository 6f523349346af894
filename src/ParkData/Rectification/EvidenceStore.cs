using System.Security.Cryptography;

namespace SmartPark.ParkData.Rectification;

/// <summary>A stored evidence file: its content hash (its name on disk), its checked kind and size.</summary>
public sealed record StoredEvidence(string Sha256, EvidenceKind Kind, long Size);

/// <summary>
/// Keeps evidence files in one folder outside the web root, each named by the SHA-256 of its
/// content (<c>ab/abcdef….jpg</c>): the uploaded name never reaches the file system, so no name
/// (<c>../../x</c>, <c>C:\…</c>, a device name) can place a file anywhere, and the same photo
/// uploaded twice is kept once. The folder is created readable by this service's user only.
/// Files are written to a temporary name and moved into place, so a reader never sees half a file.
/// </summary>
public sealed class EvidenceStore(string directory)
{
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>Checks <paramref name="content"/> (size, type by content) and stores it; null with the reason when refused.</summary>
    public async Task<StoredEvidence?> SaveAsync(byte[] content, long maxBytes, CancellationToken cancellationToken, Action<string>? refused = null)
    {
        if (content.Length == 0)
        {
            refused?.Invoke("the file is empty");
            return null;
        }
        if (content.Length > maxBytes)
        {
            refused?.Invoke($"the file is larger than {maxBytes} bytes");
            return null;
        }
        var kind = EvidenceContent.Detect(content, out var refusal);
        if (kind is null)
        {
            refused?.Invoke(refusal!);
            return null;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = PathOf(hash, kind)!;
        if (!File.Exists(path))
        {
            CreatePrivate(Path.GetDirectoryName(path)!);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temporary, content, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        return new StoredEvidence(hash, kind, content.Length);
    }

    /// <summary>
    /// Where the file of this hash and kind lies, or null for anything but 64 lower-case hex
    /// digits and a known kind: the database's value is checked again before it becomes a path.
    /// </summary>
    public string? PathOf(string sha256, EvidenceKind kind)
    {
        if (sha256.Length != 64 || !sha256.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
            return null;
        if (KindOf(kind.ContentType) is null)
            return null;
        var path = Path.GetFullPath(Path.Combine(Directory, sha256[..2], sha256 + kind.Extension));
        return path.StartsWith(Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path : null;
    }

    /// <summary>The kind stored under this content type, or null for any other type.</summary>
    public static EvidenceKind? KindOf(string contentType) => contentType switch
    {
        "image/jpeg" => EvidenceContent.Jpeg,
        "image/png" => EvidenceContent.PngKind,
        "image/webp" => EvidenceContent.WebP,
        "application/pdf" => EvidenceContent.Pdf,
        _ => null,
    };

    private void CreatePrivate(string path)
    {
        foreach (var folder in new[] { Directory, path })
        {
            if (OperatingSystem.IsWindows())
                System.IO.Directory.CreateDirectory(folder);
            else
                System.IO.Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
