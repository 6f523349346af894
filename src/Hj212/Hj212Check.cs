using System.Text;

namespace SmartPark.Hj212;

/// <summary>
/// The command-line check: frames one per line (CR LF or LF line ends), one verdict per frame
/// saying whether its length and CRC hold and, if not, why. Exit code 0 when every frame is good,
/// 1 when any is bad. Blank lines are skipped.
/// </summary>
public static class Hj212Check
{
    public static int Run(Stream input, TextWriter output)
    {
        using var memory = new MemoryStream();
        input.CopyTo(memory);
        var bytes = memory.ToArray();
        int good = 0, bad = 0, line = 0, start = 0;
        while (start < bytes.Length)
        {
            var newline = Array.IndexOf(bytes, (byte)'\n', start);
            var end = newline < 0 ? bytes.Length : newline;
            line++;
            var content = bytes.AsSpan(start, end - start);
            start = end + 1;
            if (content.Length > 0 && content[^1] == (byte)'\r')
                content = content[..^1];
            if (content.Trim((byte)' ').Length == 0)
                continue;
            var frame = new byte[content.Length + 2];
            content.CopyTo(frame);
            frame[^2] = (byte)'\r';
            frame[^1] = (byte)'\n';
            var result = Hj212Decoder.Decode(frame);
            if (result.IsValid)
            {
                good++;
                var p = result.Packet!;
                output.WriteLine($"line {line}: ok: length {result.ActualLength:D4}, CRC {result.ComputedCrc} (CN={p.Cn} MN={p.Mn}{(p.Qn is null ? "" : " QN=" + p.Qn)})");
            }
            else
            {
                bad++;
                output.WriteLine($"line {line}: BAD: {result.Summary}");
            }
        }
        output.WriteLine($"{good + bad} frame(s): {good} good, {bad} bad");
        return bad == 0 ? 0 : 1;
    }

    public static int Run(string text, TextWriter output) => Run(new MemoryStream(Encoding.UTF8.GetBytes(text)), output);
}
