using SmartPark.Hj212;

namespace SmartPark.Uplink.Points;

/// <summary>
/// Request ids (QN, a local time to the millisecond) that never repeat for a point: each is the
/// clock's time or one millisecond after the last one handed out, and a split message reserves
/// one per packet (packet n has the first QN plus n-1 ms, as the standard's example does).
/// </summary>
public sealed class QnClock
{
    private readonly Lock _gate = new();
    private DateTime _last = DateTime.MinValue;

    public string Next(DateTime localNow, int packets = 1)
    {
        lock (_gate)
        {
            var at = new DateTime(localNow.Ticks - (localNow.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Unspecified);
            if (at <= _last)
                at = _last.AddMilliseconds(1);
            _last = at.AddMilliseconds(Math.Max(1, packets) - 1);
            return Hj212Time.Qn(at);
        }
    }
}
