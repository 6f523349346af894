using System.Text.Json;
using SmartPark.Contracts;
using SmartPark.Contracts.Status;
using SmartPark.Contracts.Telemetry;

namespace SmartPark.UnitTests.Contracts;

public class ContractsJsonTests
{
    [Fact]
    public void Batch_serialises_in_camel_case_without_nulls()
    {
        var batch = new TelemetryBatch
        {
            Schema = 1,
            Device = "d1",
            Seq = 7,
            SentAt = new DateTimeOffset(2026, 11, 24, 8, 0, 1, 250, TimeSpan.Zero),
            Readings = [new Reading { Sensor = "voc-1", Quantity = "nmhc", Value = 2.7, Unit = "mg/m3", Ts = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero), Flag = "N" }],
        };
        var json = JsonSerializer.Serialize(batch, ContractsJsonContext.Default.TelemetryBatch);
        Assert.Equal("""{"schema":1,"device":"d1","seq":7,"sentAt":"2026-11-24T08:00:01.25+00:00","readings":[{"sensor":"voc-1","quantity":"nmhc","value":2.7,"unit":"mg/m3","ts":"2026-11-24T08:00:00+00:00","flag":"N"}]}""", json);
        Assert.Equal(batch.Readings[0], JsonSerializer.Deserialize(json, ContractsJsonContext.Default.TelemetryBatch)!.Readings![0]);
    }

    [Fact]
    public void Status_round_trips()
    {
        var status = new DeviceStatus { State = DeviceStatus.Online, Device = "d1", Sensors = [new SensorDescription("voc-1", ["nmhc", "tvoc"], 5000)] };
        var json = JsonSerializer.Serialize(status, ContractsJsonContext.Default.DeviceStatus);
        Assert.Contains("\"state\":\"online\"", json, StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize(json, ContractsJsonContext.Default.DeviceStatus)!;
        Assert.Equal(["nmhc", "tvoc"], back.Sensors![0].Quantities);
    }
}
