using System.Diagnostics.Metrics;
using SmartPark.Uplink.Storage;

namespace SmartPark.Uplink;

/// <summary>Meter <c>SmartPark.Uplink</c> on /metrics.</summary>
public sealed class UplinkMetrics
{
    public const string MeterName = "SmartPark.Uplink";

    public UplinkMetrics(IMeterFactory meters, UplinkStore store)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("smartpark.uplink.backlog.depth", () => store.PendingCount(), description: "Periods waiting for the platform's acknowledgement");
        RealTimeSent = meter.CreateCounter<long>("smartpark.uplink.realtime.sent", description: "Real-time data uploads (2011) sent");
        PeriodsAcknowledged = meter.CreateCounter<long>("smartpark.uplink.periods.acknowledged", description: "Minute, hourly and daily uploads the platform acknowledged (or sent, for points that ask no answer)");
        Connects = meter.CreateCounter<long>("smartpark.uplink.connects", description: "TCP connections made to bureau platforms");
        LinkFailures = meter.CreateCounter<long>("smartpark.uplink.link.failures", description: "Connections to bureau platforms lost or given up (tag reason)");
    }

    public Counter<long> RealTimeSent { get; }
    public Counter<long> PeriodsAcknowledged { get; }
    public Counter<long> Connects { get; }
    public Counter<long> LinkFailures { get; }
}
