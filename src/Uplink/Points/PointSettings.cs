namespace SmartPark.Uplink.Points;

/// <summary>
/// What a host may change on a point (1000, 1062, 1064, 2011/2012), kept in the store so a
/// restart keeps the platform's choices. Minute periods of a new interval start at
/// <see cref="MinIntervalFromMs"/>; periods before it keep <see cref="PreviousMinInterval"/>.
/// </summary>
public sealed record PointSettings
{
    public required TimeSpan RtdInterval { get; init; }
    public bool RtdEnabled { get; init; } = true;
    public required int MinInterval { get; init; }
    public long MinIntervalFromMs { get; init; }
    public int? PreviousMinInterval { get; init; }
    public required TimeSpan ReplyTimeout { get; init; }
    public required int Retries { get; init; }

    /// <summary>When the point was first seen, less the backfill: nothing earlier is reported.</summary>
    public long SinceMs { get; init; }
}
