using System.Globalization;
using System.Text;

namespace SmartPark.Hj212;

/// <summary>
/// Reads one frame (<c>##LLLL…CCCC\r\n</c>) and reports precisely what is wrong with it: a length
/// field that disagrees with the data segment (both numbers), a CRC that disagrees (both values),
/// an oversize segment, missing or malformed fields. It never throws, whatever the bytes: input
/// from the network is data, not a reason to crash.
/// </summary>
public static class Hj212Decoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly string[] KnownFields = ["QN", "ST", "CN", "PW", "MN", "Flag", "PNUM", "PNO"];

    public static Hj212DecodeResult Decode(string frame) => Decode(Encoding.UTF8.GetBytes(frame));

    public static Hj212DecodeResult Decode(ReadOnlySpan<byte> frame)
    {
        var problems = new List<Hj212Problem>();
        if (frame.Length < Hj212Encoder.FrameOverheadBytes)
        {
            problems.Add(new(Hj212ProblemKind.TooShort, $"frame of {frame.Length} bytes is shorter than the smallest frame ({Hj212Encoder.FrameOverheadBytes}: ##, length, CRC, CR LF)"));
            return new Hj212DecodeResult { Problems = problems, ActualLength = Math.Max(0, frame.Length - Hj212Encoder.FrameOverheadBytes) };
        }
        if (frame[0] != (byte)'#' || frame[1] != (byte)'#')
            problems.Add(new(Hj212ProblemKind.MissingHeader, $"frame does not start with ## (starts with '{Printable(frame[..2])}')"));
        var end = frame.Length;
        if (frame[^2] == (byte)'\r' && frame[^1] == (byte)'\n')
            end -= 2;
        else
            problems.Add(new(Hj212ProblemKind.MissingTrailer, $"frame does not end with CR LF (ends with '{Printable(frame[^2..])}')"));

        int? declared = null;
        var lengthField = frame[2..6];
        if (TryDigits(lengthField, out var length))
            declared = length;
        else
            problems.Add(new(Hj212ProblemKind.BadLengthField, $"length field '{Printable(lengthField)}' is not 4 decimal digits"));

        // The CRC is the last 4 bytes before the trailer; the data segment what lies between.
        var segment = frame[6..(end - 4)];
        var crcField = frame[(end - 4)..end];
        var computed = Hj212Crc.ComputeText(segment);
        if (declared is { } d && d != segment.Length)
            problems.Add(new(Hj212ProblemKind.LengthMismatch, $"length field says {d:D4} but the data segment has {segment.Length} bytes"));
        if (segment.Length > Hj212Encoder.MaxDataSegmentBytes)
            problems.Add(new(Hj212ProblemKind.Oversize, $"data segment of {segment.Length} bytes exceeds {Hj212Encoder.MaxDataSegmentBytes} (split packets are for that)"));
        string? declaredCrc = null;
        if (IsHex(crcField))
        {
            declaredCrc = Encoding.ASCII.GetString(crcField);
            if (!string.Equals(declaredCrc, computed, StringComparison.OrdinalIgnoreCase))
                problems.Add(new(Hj212ProblemKind.CrcMismatch, $"CRC field says {declaredCrc} but the data segment's CRC is {computed}"));
        }
        else
        {
            problems.Add(new(Hj212ProblemKind.BadCrcField, $"CRC field '{Printable(crcField)}' is not 4 hex digits (the data segment's CRC is {computed})"));
        }

        var actualLength = segment.Length;
        string text;
        try
        {
            text = StrictUtf8.GetString(segment);
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new(Hj212ProblemKind.BadEncoding, "data segment is not valid UTF-8"));
            return Result(null, null);
        }
        return Result(ParseSegment(text, problems), text);

        Hj212DecodeResult Result(Hj212Packet? packet, string? dataSegment) => new()
        {
            Packet = packet,
            Problems = problems,
            DeclaredLength = declared,
            ActualLength = actualLength,
            DeclaredCrc = declaredCrc,
            ComputedCrc = computed,
            DataSegment = dataSegment,
        };
    }

    /// <summary>Reads the fields of a data segment; adds a problem for each missing, malformed or unknown one.</summary>
    public static Hj212Packet? ParseSegment(string segment, List<Hj212Problem> problems)
    {
        var cpAt = segment.IndexOf("CP=", StringComparison.Ordinal);
        var headerText = cpAt < 0 ? segment : segment[..cpAt];
        string? cp = null;
        if (cpAt < 0)
        {
            problems.Add(new(Hj212ProblemKind.MissingField, "field CP is missing"));
        }
        else
        {
            var cpText = segment[(cpAt + 3)..];
            if (cpText.Length >= 4 && cpText.StartsWith("&&", StringComparison.Ordinal) && cpText.EndsWith("&&", StringComparison.Ordinal))
                cp = cpText[2..^2];
            else
                problems.Add(new(Hj212ProblemKind.BadCp, "CP is not enclosed in && … && at the end of the data segment"));
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var piece in headerText.Split(';'))
        {
            if (piece.Length == 0)
                continue;
            var eq = piece.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? piece : piece[..eq];
            if (!KnownFields.Contains(name))
            {
                problems.Add(new(Hj212ProblemKind.UnknownField, $"unknown field '{Shorten(piece)}' before CP"));
                continue;
            }
            if (!fields.TryAdd(name, eq < 0 ? "" : piece[(eq + 1)..]))
                problems.Add(new(Hj212ProblemKind.BadField, $"field {name} appears twice"));
        }

        var st = Required("ST");
        var cn = Required("CN");
        var pw = Required("PW");
        var mn = Required("MN");
        var qn = fields.GetValueOrDefault("QN");
        if (qn is not null && !Hj212Time.TryParseQn(qn, out _))
            problems.Add(new(Hj212ProblemKind.BadField, $"QN '{Shorten(qn)}' is not a time YYYYMMDDhhmmsszzz"));
        if (st is not null && (st.Length != 2 || !st.All(char.IsAsciiLetterOrDigit)))
            problems.Add(new(Hj212ProblemKind.BadField, $"ST '{Shorten(st)}' is not 2 letters or digits"));
        if (cn is not null && (cn.Length != 4 || !cn.All(char.IsAsciiDigit)))
            problems.Add(new(Hj212ProblemKind.BadField, $"CN '{Shorten(cn)}' is not 4 digits"));
        if (pw is not null && pw.Length > 6)
            problems.Add(new(Hj212ProblemKind.BadField, $"PW is {pw.Length} characters (at most 6)"));
        if (mn is not null && (mn.Length is 0 or > 24))
            problems.Add(new(Hj212ProblemKind.BadField, $"MN is {mn.Length} characters (1 to 24)"));
        var flag = Number("Flag", 0, 255);
        var pnum = Number("PNUM", 1, 9999);
        var pno = Number("PNO", 1, 9999);
        if (flag is { } f && Hj212Flag.IsSplit(f))
        {
            if (!fields.ContainsKey("PNUM") || !fields.ContainsKey("PNO"))
                problems.Add(new(Hj212ProblemKind.MissingField, $"Flag={f} marks a split packet but PNUM or PNO is missing"));
            else if (pno > pnum)
                problems.Add(new(Hj212ProblemKind.BadField, $"PNO {pno} is greater than PNUM {pnum}"));
        }
        else if (fields.ContainsKey("PNUM") || fields.ContainsKey("PNO"))
        {
            problems.Add(new(Hj212ProblemKind.BadField, "PNUM/PNO given but Flag's D bit (split packet) is not set"));
        }
        if (cp is not null)
        {
            Hj212Cp.Parse(cp, out var cpProblems);
            problems.AddRange(cpProblems.Select(p => new Hj212Problem(Hj212ProblemKind.BadCp, p)));
        }
        if (st is null || cn is null || pw is null || mn is null || cp is null)
            return null;
        return new Hj212Packet { Qn = qn, St = st, Cn = cn, Pw = pw, Mn = mn, Flag = flag, PacketCount = pnum, PacketNumber = pno, Cp = cp };

        string? Required(string name)
        {
            if (fields.TryGetValue(name, out var value))
                return value;
            problems.Add(new(Hj212ProblemKind.MissingField, $"field {name} is missing"));
            return null;
        }

        int? Number(string name, int min, int max)
        {
            if (!fields.TryGetValue(name, out var value))
                return null;
            if (value.Length is > 0 and <= 4 && value.All(char.IsAsciiDigit)
                && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
                return n;
            problems.Add(new(Hj212ProblemKind.BadField, $"{name} '{Shorten(value)}' is not a whole number from {min} to {max}"));
            return null;
        }
    }

    private static bool TryDigits(ReadOnlySpan<byte> field, out int value)
    {
        value = 0;
        foreach (var b in field)
        {
            if (b is < (byte)'0' or > (byte)'9')
                return false;
            value = (value * 10) + (b - '0');
        }
        return true;
    }

    private static bool IsHex(ReadOnlySpan<byte> field)
    {
        foreach (var b in field)
        {
            if (!char.IsAsciiHexDigit((char)b))
                return false;
        }
        return true;
    }

    /// <summary>Bytes shown in a message: printable ASCII as is, anything else as \xNN.</summary>
    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and < 0x7F)
                text.Append((char)b);
            else
                text.Append(CultureInfo.InvariantCulture, $"\\x{b:X2}");
        }
        return text.ToString();
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
