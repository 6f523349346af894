using System.Text.Json;
using SmartPark.Contracts;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;
using SmartPark.Contracts.Validation;
using SmartPark.EdgeAgent.Outbox;
using SmartPark.EdgeAgent.Publishing;

namespace SmartPark.UnitTests.EdgeAgent;

public class BatchPayloadTests
{
    [Fact]
    public void Wraps_stored_readings_into_a_batch_ingest_accepts()
    {
        var at = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
        Reading[] readings = [new() { Sensor = "meter-1", Quantity = "power", Value = 12.5, Unit = "kW", Ts = at, Flag = "N" }];
        var entry = new OutboxEntry(42, JsonSerializer.Serialize(readings, ContractsJsonContext.Default.ReadingArray), 1);

        var payload = BatchPayload.Build("d1", entry, at.AddSeconds(1));

        var result = TelemetryValidator.Validate(payload, new DeviceAddress("p", "e", "d1"), at.AddSeconds(2));
        Assert.True(result.IsValid, result.Summary);
        Assert.Equal(42, result.Batch.Seq);
        Assert.Equal(readings[0], result.Batch.Readings![0]);
    }
}
