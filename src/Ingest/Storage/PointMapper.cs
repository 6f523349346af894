using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;

namespace SmartPark.Ingest.Storage;

/// <summary>
/// Turns an accepted batch into line protocol as ARCHITECTURE.md "Storage" fixes it:
/// measurement = quantity; tags park, enterprise, device, sensor; fields value and flag;
/// millisecond timestamp = the reading's ts. Nothing unbounded (seq, free text) becomes a tag.
/// </summary>
public static class PointMapper
{
    public static IEnumerable<string> ToLineProtocol(DeviceAddress device, TelemetryBatch batch)
    {
        foreach (var r in batch.Readings!)
        {
            yield return PointData.Measurement(r.Quantity!)
                .Tag("park", device.Park)
                .Tag("enterprise", device.Enterprise)
                .Tag("device", device.Device)
                .Tag("sensor", r.Sensor!)
                .Field("value", r.Value!.Value)
                .Field("flag", r.Flag!)
                .Timestamp(r.Ts!.Value.ToUnixTimeMilliseconds(), WritePrecision.Ms)
                .ToLineProtocol();
        }
    }
}
