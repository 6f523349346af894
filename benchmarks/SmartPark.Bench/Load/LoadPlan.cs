namespace SmartPark.Bench.Load;

/// <summary>
/// One phase of publishing: every connection publishes as device <c>{prefix}-NNN</c> of
/// <see cref="Park"/> (a fresh park per phase, so InfluxDB can count the phase on its own).
/// <see cref="MessagesPerSecond"/> is the total over all connections; infinity means as fast as
/// the broker acknowledges, with <see cref="WindowPerConnection"/> publishes in flight each.
/// While <see cref="MayPublish"/> says no, publishing pauses (closed loop: a consumer's queue at
/// the broker stays bounded).
/// </summary>
internal sealed record LoadPlan(string Park, double MessagesPerSecond, int ReadingsPerMessage, TimeSpan Duration, int WindowPerConnection = 64)
{
    public Func<bool>? MayPublish { get; init; }

    /// <summary>Date readings with their publish time (see <see cref="TelemetryPayload"/>).</summary>
    public bool StampPublishTime { get; init; }

    public const string Enterprise = "bench";
    public const string Quantity = "nmhc";
}
