using System.Text;
using SmartPark.ParkData.Rectification;

namespace SmartPark.UnitTests.Rectification;

/// <summary>An evidence file's type comes from its first bytes: the four kinds kept, everything else refused, and polyglots that a browser could sniff as a page refused too.</summary>
public sealed class EvidenceContentTests
{
    internal static byte[] Jpeg(int size = 2048)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        // Random bytes could by chance spell a tag only with '<' (0x3C); none is left.
        for (var i = 0; i < bytes.Length; i++)
            bytes[i] = bytes[i] == (byte)'<' ? (byte)0 : bytes[i];
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        bytes[3] = 0xE0;
        return bytes;
    }

    internal static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1];

    internal static byte[] WebP()
    {
        var bytes = new byte[40];
        "RIFF"u8.CopyTo(bytes);
        BitConverter.GetBytes((uint)(bytes.Length - 8)).CopyTo(bytes, 4);
        "WEBPVP8 "u8.CopyTo(bytes.AsSpan(8));
        return bytes;
    }

    internal static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n");

    [Fact]
    public void The_four_kinds_are_known_by_their_first_bytes()
    {
        Assert.Equal("image/jpeg", EvidenceContent.Detect(Jpeg(), out _)!.ContentType);
        Assert.Equal("image/png", EvidenceContent.Detect(Png(), out _)!.ContentType);
        Assert.Equal("image/webp", EvidenceContent.Detect(WebP(), out _)!.ContentType);
        Assert.Equal("application/pdf", EvidenceContent.Detect(Pdf(), out _)!.ContentType);
    }

    [Theory]
    [InlineData("<!doctype html><html><script>alert(1)</script></html>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("GIF89a\u0001\u0000\u0001\u0000")]
    [InlineData("PK\u0003\u0004 a zip or an xlsx")]
    [InlineData("MZ an exe")]
    [InlineData("")]
    public void Anything_else_is_refused_whatever_it_is_called(string content)
    {
        Assert.Null(EvidenceContent.Detect(Encoding.UTF8.GetBytes(content), out var refusal));
        Assert.Contains("judged by its content", refusal);
    }

    [Fact]
    public void A_webp_whose_riff_size_is_not_the_files_is_refused()
    {
        var bytes = WebP();
        BitConverter.GetBytes(9999u).CopyTo(bytes, 4);
        Assert.Null(EvidenceContent.Detect(bytes, out _));
    }

    [Theory]
    [InlineData("<html><body><script>fetch('/api/me')</script>")]
    [InlineData("<SCRIPT src=//evil.example/x.js></SCRIPT>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<iframe src=//evil.example>")]
    public void A_polyglot_with_a_real_magic_number_and_markup_in_its_first_bytes_is_refused(string markup)
    {
        // A JPEG header with a page in its comment: a sniffing browser could render it as HTML.
        var jpeg = Jpeg(4096);
        Encoding.ASCII.GetBytes(markup).CopyTo(jpeg, 20);
        Assert.Null(EvidenceContent.Detect(jpeg, out var refusal));
        Assert.Contains("web page", refusal);
        // The same in a PDF's first lines.
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n" + markup + "\n%%EOF");
        Assert.Null(EvidenceContent.Detect(pdf, out _));
    }

    [Fact]
    public void Markup_after_the_sniffing_window_does_not_make_a_photo_a_page()
    {
        var jpeg = Jpeg(8192);
        Encoding.ASCII.GetBytes("<script>").CopyTo(jpeg, 4000);
        Assert.NotNull(EvidenceContent.Detect(jpeg, out _));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\win.ini", "win.ini")]
    [InlineData("/var/lib/smartpark/parks.db", "parks.db")]
    [InlineData("photo.jpg", "photo.jpg")]
    [InlineData("..", null)]
    [InlineData("a/..", null)]
    [InlineData("evil\u0000.jpg\r\n", "evil.jpg")]
    [InlineData("   ", null)]
    public void An_uploaded_name_is_kept_only_as_a_display_name_without_any_path(string uploaded, string? shown)
    {
        Assert.Equal(shown, EvidenceContent.DisplayName(uploaded));
    }
}
