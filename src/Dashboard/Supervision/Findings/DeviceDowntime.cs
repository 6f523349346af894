using SmartPark.Contracts.Alerts;

namespace SmartPark.Dashboard.Supervision.Findings;

/// <summary>How long one device was offline over a period, and in how many outages.</summary>
public sealed record DeviceDowntime(string Park, string? Enterprise, string Device, double Hours, int Outages);

/// <summary>One stored transition of a device's offline alert.</summary>
public sealed record OfflineTransition(DateTimeOffset At, string State);

/// <summary>
/// Offline time from the device-offline alert's transitions: the device is offline from the alert's
/// <c>active</c> (it stays so when someone acknowledges it) until it is <c>cleared</c> or
/// <c>closed</c>. Counted within the period only; an outage that began before the period counts
/// from the period's start, one still open counts up to its end.
/// </summary>
public static class DowntimeCalculator
{
    public static (TimeSpan Offline, int Outages) Compute(bool offlineAtStart, IEnumerable<OfflineTransition> transitions, DateTimeOffset from, DateTimeOffset until)
    {
        var offline = TimeSpan.Zero;
        var outages = offlineAtStart ? 1 : 0;
        DateTimeOffset? since = offlineAtStart ? from : null;
        foreach (var t in transitions.Where(t => t.At >= from && t.At < until).OrderBy(t => t.At))
        {
            if (IsOffline(t.State))
            {
                if (since is null)
                {
                    since = t.At;
                    outages++;
                }
            }
            else if (since is { } began)
            {
                offline += t.At - began;
                since = null;
            }
        }
        if (since is { } open && until > open)
            offline += until - open;
        return (offline, outages);
    }

    public static bool IsOffline(string state) => state is AlertStates.Active or AlertStates.Acknowledged;
}
