using System.Text.Json;
using SmartPark.Contracts;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Storage;
using SmartPark.Tests.Shared;

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
}
