using SmartPark.Contracts.Quantities;
using SmartPark.Platform.Influx;

namespace SmartPark.Simulator.Checking;

/// <summary>Counts the device readings InfluxDB holds for a park between two instants: the "nothing lost" side of a check.</summary>
public sealed class StoredReadings(InfluxV1Client influx)
{
    // What devices send: the values Ingest derives and stores beside them (nox_converted, cod_rate…)
    // were never produced by a device, and counting them would make more stored than produced.
    private static readonly string Measurements = string.Join(",", QuantityCatalogue.Measured.Select(q => InfluxQl.Identifier(q.Name)));

    public Task<long> CountAsync(string park, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        CountWhereAsync($"park = {InfluxQl.String(park)} AND time >= {InfluxQl.Time(from)} AND time <= {InfluxQl.Time(to)}", cancellationToken);

    public Task<long> CountSensorAsync(string device, string sensor, CancellationToken cancellationToken) =>
        CountWhereAsync($"device = {InfluxQl.String(device)} AND sensor = {InfluxQl.String(sensor)}", cancellationToken);

    private async Task<long> CountWhereAsync(string where, CancellationToken cancellationToken)
    {
        var response = await influx.QueryAsync($"SELECT count(value) FROM {Measurements} WHERE {where}", cancellationToken);
        if (response.Error is { } error)
            throw new InvalidOperationException($"InfluxDB refused the count: {error}");
        return response.Results
            .SelectMany(r => r.Error is { } e ? throw new InvalidOperationException($"InfluxDB refused the count: {e}") : r.Series ?? [])
            .Sum(s => s.Values.Count == 0 ? 0 : s.Values[0][s.ColumnIndex("count")].GetInt64());
    }
}
