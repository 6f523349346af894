using System.Text.Json;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;
using SmartPark.Contracts;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Storage;

namespace SmartPark.UnitTests.Ingest;

public class PointMapperTests
{
    [Fact]
    public void One_line_per_reading_with_the_architecture_schema()
    {
        var ts = new DateTimeOffset(2026, 11, 24, 8, 0, 0, 123, TimeSpan.Zero);
        var batch = JsonSerializer.Deserialize(TelemetryJson.Batch("d1", 5,
            TelemetryJson.Reading("voc-1", "nmhc", 2.7, "mg/m3", ts),
            TelemetryJson.Reading("fire-1", "smoke", 0, "bool", ts, "D")).ToJsonString(), ContractsJsonContext.Default.TelemetryBatch)!;

        var lines = PointMapper.ToLineProtocol(new DeviceAddress("p1", "e1", "d1"), batch).ToList();

        Assert.Equal(
        [
            "nmhc,device=d1,enterprise=e1,park=p1,sensor=voc-1 flag=\"N\",value=2.7 1795507200123",
            "smoke,device=d1,enterprise=e1,park=p1,sensor=fire-1 flag=\"D\",value=0 1795507200123",
        ], lines);
    }

    /// <summary>PointMapper writes line protocol by hand for speed; it must stay what InfluxDB.Client's
    /// PointData writes, including escaping and number formatting for any input.</summary>
    [Theory]
    [InlineData("nmhc", "p1", "e1", "d1", "voc-1", 2.7, "N")]
    [InlineData("gas_lel", "baiyun-shimen", "e07", "by-e07-edge1", "gas-2", 0.1 + 0.2, "T")]
    [InlineData("power", "p", "e", "d", "s", 123456789.123456789, "D")]
    [InlineData("co2", "p", "e", "d", "s", 1e20, "N")]
    [InlineData("co2", "p", "e", "d", "s", -1e-7, "N")]
    [InlineData("smoke", "p", "e", "d", "s", 0, "B")]
    [InlineData("a b,c=d", "p q", "e,f", "g=h", "tab\tnew\nline\r", 1.5, "x\"y\\z")]
    [InlineData("m", "p", "", "d", "s", 1.5, "")]
    public void Writes_what_PointData_writes(string quantity, string park, string enterprise, string device, string sensor, double value, string flag)
    {
        var ts = new DateTimeOffset(2026, 11, 24, 8, 0, 0, 123, TimeSpan.Zero);
        var batch = new TelemetryBatch
        {
            Readings = [new Reading { Sensor = sensor, Quantity = quantity, Value = value, Ts = ts, Flag = flag }],
        };

        var line = Assert.Single(PointMapper.ToLineProtocol(new DeviceAddress(park, enterprise, device), batch));

        var expected = PointData.Measurement(quantity)
            .Tag("park", park)
            .Tag("enterprise", enterprise)
            .Tag("device", device)
            .Tag("sensor", sensor)
            .Field("value", value)
            .Field("flag", flag)
            .Timestamp(ts.ToUnixTimeMilliseconds(), WritePrecision.Ms)
            .ToLineProtocol();
        Assert.Equal(expected, line);
    }
}
