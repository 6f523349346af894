using System.Text.Json;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;
using SmartPark.Contracts.Consumption;
using SmartPark.Efficiency.Consumption;
using SmartPark.Platform.Influx;

namespace SmartPark.Ingest.Consumption;

/// <summary>
/// The InfluxQL that reads counter readings and stored consumption, and the line protocol of
/// consumption points (<see cref="ConsumptionSeries"/>). Every reading is read whatever its flag
/// (see <see cref="CounterCalculator"/>).
/// </summary>
public static class ConsumptionQueries
{
    private static readonly string GroupBySeries = "GROUP BY " + string.Join(", ", CounterSeriesKey.Tags.Select(InfluxQl.Identifier));

    private static string Ms(DateTimeOffset at) => $"{at.ToUnixTimeMilliseconds()}ms";

    private static string Filter(string? condition) => condition is null ? "" : $" AND {condition}";

    /// <summary>Readings of <paramref name="quantity"/> in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static string Readings(string quantity, DateTimeOffset from, DateTimeOffset to, string? condition) =>
        $"SELECT \"value\" FROM {InfluxQl.Identifier(quantity)} WHERE time >= {Ms(from)} AND time < {Ms(to)}{Filter(condition)} {GroupBySeries}";

    /// <summary>The last reading in [<paramref name="notBefore"/>, <paramref name="before"/>) per series.</summary>
    public static string LastBefore(string quantity, DateTimeOffset before, DateTimeOffset notBefore, string? condition) =>
        $"SELECT last(\"value\") AS \"value\" FROM {InfluxQl.Identifier(quantity)} WHERE time >= {Ms(notBefore)} AND time < {Ms(before)}{Filter(condition)} {GroupBySeries}";

    /// <summary>The first reading in [<paramref name="from"/>, <paramref name="notAfter"/>) per series.</summary>
    public static string FirstFrom(string quantity, DateTimeOffset from, DateTimeOffset notAfter, string? condition) =>
        $"SELECT first(\"value\") AS \"value\" FROM {InfluxQl.Identifier(quantity)} WHERE time >= {Ms(from)} AND time < {Ms(notAfter)}{Filter(condition)} {GroupBySeries}";

    /// <summary>Stored consumption points of one period in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static string Stored(string quantity, ConsumptionPeriod period, DateTimeOffset from, DateTimeOffset to, string? condition) =>
        $"SELECT \"{ConsumptionSeries.UseField}\", \"{ConsumptionSeries.CoverageField}\", \"{ConsumptionSeries.FlagsField}\", \"{ConsumptionSeries.ReadingsField}\" " +
        $"FROM {InfluxQl.Identifier(ConsumptionSeries.Measurement(quantity, period))} WHERE time >= {Ms(from)} AND time < {Ms(to)}{Filter(condition)} {GroupBySeries}";

    /// <summary>Every row of a statement's answer as (series, reading); rows without a number are skipped.</summary>
    public static IEnumerable<(CounterSeriesKey Series, CounterReading Reading)> ReadingsOf(InfluxStatementResult? result)
    {
        foreach (var series in result?.Series ?? [])
        {
            var key = CounterSeriesKey.From(series.Tags);
            int time = series.ColumnIndex("time"), value = series.ColumnIndex("value");
            foreach (var row in series.Values)
            {
                if (row[value].ValueKind == JsonValueKind.Number && row[time].ValueKind == JsonValueKind.Number)
                    yield return (key, new CounterReading(DateTimeOffset.FromUnixTimeMilliseconds(row[time].GetInt64()), row[value].GetDouble()));
            }
        }
    }

    /// <summary>The stored points of <see cref="Stored"/>'s answer, as amounts of <paramref name="period"/>.</summary>
    public static IEnumerable<(CounterSeriesKey Series, ConsumptionAmount Amount)> AmountsOf(InfluxStatementResult? result, ConsumptionPeriod period)
    {
        foreach (var series in result?.Series ?? [])
        {
            var key = CounterSeriesKey.From(series.Tags);
            int time = series.ColumnIndex("time"), use = series.ColumnIndex(ConsumptionSeries.UseField),
                coverage = series.ColumnIndex(ConsumptionSeries.CoverageField), flags = series.ColumnIndex(ConsumptionSeries.FlagsField),
                readings = series.ColumnIndex(ConsumptionSeries.ReadingsField);
            foreach (var row in series.Values)
            {
                if (row[use].ValueKind != JsonValueKind.Number)
                    continue;
                var start = DateTimeOffset.FromUnixTimeMilliseconds(row[time].GetInt64());
                yield return (key, new ConsumptionAmount(
                    start,
                    ConsumptionSeries.PeriodEnd(period, start),
                    row[use].GetDouble(),
                    row[coverage].ValueKind == JsonValueKind.Number ? row[coverage].GetDouble() : 0,
                    ConsumptionAmount.ParseFlags(row[flags].ValueKind == JsonValueKind.String ? row[flags].GetString() : null),
                    row[readings].ValueKind == JsonValueKind.Number ? row[readings].GetInt64() : 0));
            }
        }
    }

    /// <summary>The line protocol of one consumption point: tags as the raw series, fields use and
    /// coverage (float), flags (string) and readings (integer), timestamp = the period's start.</summary>
    public static string Line(string quantity, ConsumptionPeriod period, CounterSeriesKey series, ConsumptionAmount amount)
    {
        var point = PointData.Measurement(ConsumptionSeries.Measurement(quantity, period));
        foreach (var (tag, value) in series.Pairs())
            point = point.Tag(tag, value);
        return point
            .Field(ConsumptionSeries.UseField, amount.Use)
            .Field(ConsumptionSeries.CoverageField, amount.Coverage)
            .Field(ConsumptionSeries.FlagsField, amount.FlagText)
            .Field(ConsumptionSeries.ReadingsField, amount.Readings)
            .Timestamp(amount.Start.ToUnixTimeMilliseconds(), WritePrecision.Ms)
            .ToLineProtocol();
    }
}
