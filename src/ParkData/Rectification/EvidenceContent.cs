using System.Text;

namespace SmartPark.ParkData.Rectification;

/// <summary>What an evidence file is, decided by its first bytes.</summary>
public sealed record EvidenceKind(string ContentType, string Extension)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}

/// <summary>
/// Decides an upload's type by its content (magic bytes), never by its name or the type the
/// browser claims: JPEG (<c>FF D8 FF</c>), PNG (its 8-byte signature), WebP (<c>RIFF….WEBP</c>,
/// with the RIFF size matching the file) and PDF (<c>%PDF-</c>). Anything else is refused. A file
/// whose first kilobyte also reads as markup (<c>&lt;html</c>, <c>&lt;script</c>, <c>&lt;svg</c>…) is
/// refused too: a browser that sniffed it (an old one, or one ignoring <c>nosniff</c>) could take
/// such a polyglot for a page, so it is not worth keeping as evidence.
/// </summary>
public static class EvidenceContent
{
    /// <summary>How far into the file a sniffing browser looks for markup (the WHATWG sniffing algorithm reads 1,445 bytes).</summary>
    private const int SniffWindow = 1445;

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly string[] Markup = ["<!doctype", "<html", "<script", "<svg", "<body", "<head", "<iframe", "<?xml", "<object", "<embed", "<a href", "<img"];

    public static readonly EvidenceKind Jpeg = new("image/jpeg", ".jpg");
    public static readonly EvidenceKind PngKind = new("image/png", ".png");
    public static readonly EvidenceKind WebP = new("image/webp", ".webp");
    public static readonly EvidenceKind Pdf = new("application/pdf", ".pdf");

    /// <summary>The kind of <paramref name="content"/>, or null with the reason it is refused.</summary>
    public static EvidenceKind? Detect(ReadOnlySpan<byte> content, out string? refusal)
    {
        refusal = null;
        EvidenceKind? kind = null;
        if (content.Length >= 4 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
            kind = Jpeg;
        else if (content.StartsWith(Png) && content.Length > Png.Length)
            kind = PngKind;
        else if (content.Length >= 16 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8)
            && BitConverter.ToUInt32(content[4..8]) + 8L == content.Length)
            kind = WebP;
        else if (content.Length >= 8 && content[..5].SequenceEqual("%PDF-"u8))
            kind = Pdf;
        if (kind is null)
        {
            refusal = "not a JPEG, PNG, WebP or PDF file (judged by its content, not its name)";
            return null;
        }
        if (ContainsMarkup(content[..Math.Min(content.Length, SniffWindow)]))
        {
            refusal = "the file also reads as a web page (markup in its first bytes)";
            return null;
        }
        return kind;
    }

    private static bool ContainsMarkup(ReadOnlySpan<byte> head)
    {
        // Latin-1 keeps every byte one character, so binary data cannot hide a tag across a bad UTF-8 sequence.
        var text = Encoding.Latin1.GetString(head);
        return Markup.Any(tag => text.Contains(tag, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The uploaded name as it may be shown (never as a path): its last segment after either kind
    /// of slash, without control characters, at most 100 characters; null when nothing is left.
    /// </summary>
    public static string? DisplayName(string? uploaded)
    {
        if (string.IsNullOrWhiteSpace(uploaded))
            return null;
        var last = uploaded.Replace('\\', '/').Split('/').Last();
        var clean = new string([.. last.Where(c => !char.IsControl(c))]).Trim();
        if (clean is "" or "." or "..")
            return null;
        return clean.Length > 100 ? clean[..100] : clean;
    }
}
