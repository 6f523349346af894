using SmartPark.Platform.Influx;

namespace SmartPark.Ingest.Storage;

/// <summary>
/// Which lines of a write InfluxDB refuses for good, found by halving: a refused part is split and
/// each half written again until single lines are left, so one bad line among thousands costs
/// about twice log2(n) writes. Rewriting the accepted lines is harmless (same series and time).
/// The halving is bounded by <c>maxWrites</c>: past it, a refused part is kept whole,
/// so a record InfluxDB refuses entirely does not cost a write per line. Transient failures
/// (5xx, timeouts, connection refused) are not refusals: they propagate, and the caller retries.
/// </summary>
public static class RefusedLines
{
    public sealed record Result(IReadOnlyList<string> Lines, IReadOnlyList<string> Reasons, int Writes);

    public static async Task<Result> FindAsync(
        IReadOnlyList<string> lines, Func<IReadOnlyList<string>, Task> write, int maxWrites)
    {
        var refused = new List<string>();
        var reasons = new List<string>();
        var writes = 0;
        // Parts still to try; each was refused as part of a larger whole (or is the whole).
        var parts = new Stack<IReadOnlyList<string>>();
        parts.Push(lines);
        while (parts.TryPop(out var part))
        {
            try
            {
                writes++;
                await write(part);
                continue;
            }
            catch (InfluxException ex) when (ex.IsPermanent)
            {
                if (part.Count == 1 || writes + 2 > maxWrites)
                {
                    refused.AddRange(part);
                    reasons.Add(ex.Body ?? ex.Message);
                    continue;
                }
            }
            var half = part.Count / 2;
            // Pushed second half first, so lines come out in their original order.
            parts.Push(part.Skip(half).ToList());
            parts.Push(part.Take(half).ToList());
        }
        return new Result(refused, reasons, writes);
    }
}
