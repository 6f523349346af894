namespace SmartPark.Uplink.Data;

/// <summary>
/// Period boundaries on the local wall clock of the wire (Beijing time): a day starts at local
/// midnight (16:00 UTC). Every allowed minute interval divides an hour and the offset is whole
/// hours, so minute and hour periods fall on the same instants as the UTC rollup windows.
/// </summary>
public sealed class PeriodClock(TimeSpan utcOffset)
{
    public TimeSpan UtcOffset => utcOffset;

    public static long Length(PeriodKind kind, int minInterval) => kind switch
    {
        PeriodKind.Minute => minInterval * 60_000L,
        PeriodKind.Hour => 3_600_000L,
        _ => 86_400_000L,
    };

    /// <summary>The start of the period holding <paramref name="ms"/> (epoch milliseconds).</summary>
    public long Floor(long ms, long length)
    {
        var offset = (long)utcOffset.TotalMilliseconds;
        var local = ms + offset;
        return local - (((local % length) + length) % length) - offset;
    }

    public long Ceiling(long ms, long length)
    {
        var floor = Floor(ms, length);
        return floor == ms ? ms : floor + length;
    }

    public DateTime Local(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(utcOffset).DateTime;

    public long FromLocal(DateTime local) => new DateTimeOffset(local, utcOffset).ToUnixTimeMilliseconds();
}
