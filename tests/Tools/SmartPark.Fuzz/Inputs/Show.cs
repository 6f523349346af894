using System.Text;

namespace SmartPark.Fuzz.Inputs;

/// <summary>Inputs written out in full, so a failure can be replayed from the report alone.</summary>
public static class Show
{
    public static string Bytes(byte[] bytes) =>
        $"{bytes.Length} bytes: hex {Convert.ToHexString(bytes)}{Environment.NewLine}  as text: {Escaped(bytes)}";

    /// <summary>Printable ASCII as is, anything else as \xNN (C# string escapes, ready to paste).</summary>
    public static string Escaped(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder("\"");
        foreach (var b in bytes)
        {
            text.Append(b switch
            {
                (byte)'"' => "\\\"",
                (byte)'\\' => "\\\\",
                (byte)'\r' => "\\r",
                (byte)'\n' => "\\n",
                >= 0x20 and < 0x7F => ((char)b).ToString(),
                _ => $"\\x{b:X2}",
            });
        }
        return text.Append('"').ToString();
    }
}
