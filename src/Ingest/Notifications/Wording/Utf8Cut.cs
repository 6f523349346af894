using System.Text;

namespace SmartPark.Ingest.Notifications.Wording;

/// <summary>Chat robots limit a message in UTF-8 bytes; this cuts at a character boundary and says so with an ellipsis.</summary>
public static class Utf8Cut
{
    private const string More = "…";

    public static string ToBytes(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
            return text;
        var budget = maxBytes - Encoding.UTF8.GetByteCount(More);
        var length = 0;
        var bytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > budget)
                break;
            bytes += rune.Utf8SequenceLength;
            length += rune.Utf16SequenceLength;
        }
        return text[..length] + More;
    }
}
