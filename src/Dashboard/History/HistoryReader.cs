using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Topics;
using SmartPark.Platform.Influx;

namespace SmartPark.Dashboard.History;

/// <summary>A device's recent raw points of one quantity, read with InfluxQL (every InfluxDB generation serves it).</summary>
public sealed class HistoryReader(InfluxV1Client influx)
{
    public const int MaxPoints = 10_000;

    public async Task<HistoryResponse> ReadAsync(DeviceAddress device, Quantity quantity, string? sensor, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var where = $"park = {InfluxQl.String(device.Park)} AND enterprise = {InfluxQl.String(device.Enterprise)} AND device = {InfluxQl.String(device.Device)}"
            + (sensor is null ? "" : $" AND sensor = {InfluxQl.String(sensor)}")
            + $" AND time >= {InfluxQl.Time(from)} AND time <= {InfluxQl.Time(to)}";
        var q = $"SELECT value, flag FROM {InfluxQl.Identifier(quantity.Name)} WHERE {where} GROUP BY sensor ORDER BY time DESC LIMIT {MaxPoints}";
        var response = await influx.QueryAsync(q, cancellationToken);

        var points = new List<HistoryPoint>();
        foreach (var series in response.Results.SelectMany(r => r.Series ?? []))
        {
            var time = series.ColumnIndex("time");
            var value = series.ColumnIndex("value");
            var flag = series.ColumnIndex("flag");
            var sensorTag = series.Tags?.GetValueOrDefault("sensor") ?? "";
            foreach (var row in series.Values)
            {
                points.Add(new HistoryPoint(
                    DateTimeOffset.FromUnixTimeMilliseconds(row[time].GetInt64()),
                    sensorTag,
                    row[value].GetDouble(),
                    row[flag].GetString() ?? ""));
            }
        }
        points.Sort((a, b) => a.Ts.CompareTo(b.Ts));
        return new HistoryResponse(device.Park, device.Enterprise, device.Device, quantity.Name, quantity.Unit, from, to, points);
    }
}
