using System.Globalization;
using SmartPark.Bench.Measure;
using SmartPark.Bench.Reporting;

namespace SmartPark.Bench.Dashboard;

/// <summary>
/// The live part's progress line: rates over the last interval (not since the start, so the
/// drain after publishing shows as it happens), what the clients still miss, delays so far.
/// </summary>
internal sealed class LiveProgress(DeliveryLedger ledger, TelemetryPublisherProcess publishers, LiveClients clients, int readingsPerMessage, ProcessSampler sampler)
{
    private TimeSpan _lastAt;
    private long _lastAcked;
    private long _lastReceipts;

    public string Line(TimeSpan elapsed)
    {
        var seconds = Math.Max((elapsed - _lastAt).TotalSeconds, 0.001);
        var acked = publishers.Acked;
        var receipts = ledger.Receipts;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"  {elapsed.TotalSeconds,5:0}s  acked {(acked - _lastAcked) * readingsPerMessage / seconds,6:N0} readings/s  receipts {(receipts - _lastReceipts) / seconds,8:N0}/s  behind {Math.Max(0, (acked * clients.Count) - receipts),10:N0}  p50 {ledger.Delays.PercentileMs(0.5),8:0.0} ms  p99 {ledger.Delays.PercentileMs(0.99),8:0.0} ms  closed {clients.Closed}  {ResultReport.UsageLine(sampler.Window(), DashboardReport.Processes)}");
        (_lastAt, _lastAcked, _lastReceipts) = (elapsed, acked, receipts);
        return line;
    }
}
