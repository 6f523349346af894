using System.Text.Json;
using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Topics;
using SmartPark.Platform.Influx;

namespace SmartPark.Dashboard.History;

/// <summary>One point of a series: the raw value, or a rollup's mean with its min and max.</summary>
public sealed record SeriesPoint(DateTimeOffset Ts, string Sensor, double Value, double? Min, double? Max);

public sealed record SeriesResponse(string Park, string Enterprise, string Device, string Quantity, string Unit, string Resolution,
    DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SeriesPoint> Points);

/// <summary>Any device's series over any range, from raw points or the rollups (<see cref="SeriesResolution"/>).</summary>
public sealed class SeriesReader(InfluxV1Client influx)
{
    public const int MaxPoints = 20_000;

    public async Task<SeriesResponse> ReadAsync(DeviceAddress device, Quantity quantity, string? sensor, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var resolution = SeriesResolution.For(to - from);
        var where = $"park = {InfluxQl.String(device.Park)} AND enterprise = {InfluxQl.String(device.Enterprise)} AND device = {InfluxQl.String(device.Device)}"
            + (sensor is null ? "" : $" AND sensor = {InfluxQl.String(sensor)}")
            + $" AND time >= {InfluxQl.Time(from)} AND time <= {InfluxQl.Time(to)}";
        var fields = resolution == SeriesResolution.Raw ? "value" : "mean, min, max";
        // Newest first, so a range over the cap loses its oldest points, not the latest ones an
        // operator is looking for (a 1 Hz sensor over 6 h is 21,600 raw points); sorted back below.
        var q = $"SELECT {fields} FROM {InfluxQl.Identifier(SeriesResolution.Measurement(quantity.Name, resolution))} WHERE {where} GROUP BY sensor ORDER BY time DESC LIMIT {MaxPoints}";
        var response = await influx.QueryAsync(q, cancellationToken);

        var points = new List<SeriesPoint>();
        foreach (var series in response.Results.SelectMany(r => r.Series ?? []))
        {
            var time = series.ColumnIndex("time");
            var value = series.ColumnIndex(resolution == SeriesResolution.Raw ? "value" : "mean");
            var min = series.ColumnIndexOrNone("min");
            var max = series.ColumnIndexOrNone("max");
            var sensorTag = series.Tags?.GetValueOrDefault("sensor") ?? "";
            foreach (var row in series.Values)
            {
                if (row[value].ValueKind != JsonValueKind.Number)
                    continue;
                points.Add(new SeriesPoint(
                    DateTimeOffset.FromUnixTimeMilliseconds(row[time].GetInt64()), sensorTag, row[value].GetDouble(),
                    min >= 0 && row[min].ValueKind == JsonValueKind.Number ? row[min].GetDouble() : null,
                    max >= 0 && row[max].ValueKind == JsonValueKind.Number ? row[max].GetDouble() : null));
            }
        }
        points.Sort((a, b) => a.Ts.CompareTo(b.Ts));
        return new SeriesResponse(device.Park, device.Enterprise, device.Device, quantity.Name, quantity.Unit, resolution, from, to, points);
    }
}
