using SmartPark.Contracts.Consumption;
using SmartPark.Contracts.Registry;
using SmartPark.Efficiency.Consumption;
using SmartPark.Platform.Influx;
using SmartPark.Platform.Registry;

namespace SmartPark.Ingest.Consumption;

/// <summary>What one computation wrote.</summary>
public readonly record struct ConsumptionWritten(int Series, int QuarterHours, int Points);

/// <summary>
/// Computes and stores the consumption of one counting quantity over a span of quarter hours: reads
/// the raw readings (and the ones around the span), runs <see cref="CounterCalculator"/> per series
/// with the sensor's recorded replacements and rollover from the registry, writes
/// <c>{quantity}_use_15m</c>, then the hours, days, months and year holding those quarter hours,
/// each summed from the stored points of the period below it (<see cref="ConsumptionAggregation"/>).
/// Recomputed from the stored raw points every time, so a reading delivered twice or late can never count twice.
/// </summary>
public sealed class ConsumptionComputation(InfluxV1Client influx, RegistryProvider registry, ConsumptionOptions options)
{
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);
    private readonly CounterRules _rules = options.Rules();

    /// <summary>Read and kept per series while a span is computed.</summary>
    private sealed class SeriesData
    {
        public readonly List<CounterReading> Readings = [];
        public CounterReading? Before;
        public CounterReading? After;
        public DateTimeOffset From;
        public DateTimeOffset To;
        public bool Changed;
    }

    /// <summary>
    /// Recomputes every series of <paramref name="quantity"/> with a reading in [<paramref name="from"/>,
    /// <paramref name="to"/>) (quarter-hour aligned): the quarter hours of the span, the one on each
    /// side (their reading after or before may be new), and, across a silence, every quarter hour back to
    /// the reading before and on to the reading after (their share of the silence changed).
    /// With <paramref name="park"/>, only that park's series (a rebuild for one park).
    /// </summary>
    public async Task<ConsumptionWritten> ComputeAsync(string quantity, DateTimeOffset from, DateTimeOffset to, string? park, CancellationToken cancellationToken)
    {
        var condition = park is null ? null : $"\"park\" = {InfluxQl.String(park)}";
        var look = options.LookAround;
        DateTimeOffset a = from - Quarter, b = to + Quarter;
        var first = await influx.QueryAsync(string.Join(';',
            ConsumptionQueries.Readings(quantity, a, b, condition),
            ConsumptionQueries.LastBefore(quantity, a, a - look, condition),
            ConsumptionQueries.FirstFrom(quantity, b, b + look, condition)), cancellationToken);
        var data = new Dictionary<CounterSeriesKey, SeriesData>();
        SeriesData Of(CounterSeriesKey key) => data.TryGetValue(key, out var d) ? d : data[key] = new SeriesData { From = a, To = b };
        foreach (var (series, reading) in ConsumptionQueries.ReadingsOf(Statement(first, 0)))
        {
            var d = Of(series);
            d.Readings.Add(reading);
            d.Changed |= reading.At >= from && reading.At < to;
        }
        foreach (var (series, reading) in ConsumptionQueries.ReadingsOf(Statement(first, 1)))
            Of(series).Before = reading;
        foreach (var (series, reading) in ConsumptionQueries.ReadingsOf(Statement(first, 2)))
            Of(series).After = reading;

        // A series with no reading in the span has nothing new there. For the others, across a
        // silence on either side, read what completes the quarter hour holding the reading beyond it.
        var changed = data.Where(d => d.Value.Changed).ToList();
        var extra = new List<(SeriesData Data, string Statement)>();
        foreach (var (series, d) in changed)
        {
            if (d.Before is { } before && !d.Readings.Any(r => r.At < from))
            {
                var start = Floor(before.At);
                d.From = start;
                extra.Add((d, ConsumptionQueries.Readings(quantity, start, a, series.Condition())));
                extra.Add((d, ConsumptionQueries.LastBefore(quantity, start, start - look, series.Condition())));
            }
            if (d.After is { } after && !d.Readings.Any(r => r.At >= to))
            {
                var end = Floor(after.At) + Quarter;
                d.To = end;
                extra.Add((d, ConsumptionQueries.Readings(quantity, b, end, series.Condition())));
                extra.Add((d, ConsumptionQueries.FirstFrom(quantity, end, end + look, series.Condition())));
            }
        }
        foreach (var chunk in extra.Chunk(50))
        {
            var response = await influx.QueryAsync(string.Join(';', chunk.Select(c => c.Statement)), cancellationToken);
            for (var i = 0; i < chunk.Length; i++)
                chunk[i].Data.Readings.AddRange(ConsumptionQueries.ReadingsOf(Statement(response, i)).Select(r => r.Reading));
        }

        var lines = new List<string>();
        var touched = new Dictionary<CounterSeriesKey, List<DateTimeOffset>>();
        var quarterHours = 0;
        foreach (var (series, d) in changed)
        {
            var sensor = Sensor(series);
            IEnumerable<CounterReading> readings = d.Readings;
            if (d.Before is { } before)
                readings = readings.Append(before);
            if (d.After is { } after)
                readings = readings.Append(after);
            var windows = CounterCalculator.QuarterHours(quantity, readings, d.From, d.To, sensor?.Replacements ?? [], sensor?.Rollover, _rules);
            foreach (var window in windows)
                lines.Add(ConsumptionQueries.Line(quantity, ConsumptionSeries.QuarterHour, series, window));
            touched[series] = [.. windows.Select(w => w.Start)];
            quarterHours += windows.Count;
        }
        if (lines.Count > 0)
            await WriteAsync(lines, cancellationToken);
        var points = lines.Count + await AggregateAsync(quantity, touched, condition, cancellationToken);
        return new ConsumptionWritten(changed.Count, quarterHours, points);
    }

    /// <summary>
    /// Each coarser period holding a written point, summed again from the stored points of the
    /// period below it (hours from quarter hours, days from hours, months from days, the year from
    /// months): a year's point reads twelve, never the raw readings.
    /// </summary>
    private async Task<int> AggregateAsync(string quantity, Dictionary<CounterSeriesKey, List<DateTimeOffset>> touched, string? condition, CancellationToken cancellationToken)
    {
        var written = 0;
        var periods = ConsumptionSeries.Periods;
        for (var level = 1; level < periods.Count && touched.Values.Any(t => t.Count > 0); level++)
        {
            ConsumptionPeriod finer = periods[level - 1], coarser = periods[level];
            var wanted = touched.ToDictionary(t => t.Key, t => t.Value.Select(s => ConsumptionSeries.PeriodStart(coarser, s)).ToHashSet());
            var starts = wanted.Values.SelectMany(s => s).ToList();
            if (starts.Count == 0)
                break;
            var from = starts.Min();
            var to = ConsumptionSeries.PeriodEnd(coarser, starts.Max());
            var response = await influx.QueryAsync(ConsumptionQueries.Stored(quantity, finer, from, to, condition), cancellationToken);
            var lines = new List<string>();
            var next = new Dictionary<CounterSeriesKey, List<DateTimeOffset>>();
            foreach (var group in ConsumptionQueries.AmountsOf(Statement(response, 0), finer).GroupBy(p => p.Series))
            {
                if (!wanted.TryGetValue(group.Key, out var periodsOfSeries))
                    continue;
                var sums = ConsumptionAggregation.Sum(coarser, group.Select(p => p.Amount).Where(p => periodsOfSeries.Contains(ConsumptionSeries.PeriodStart(coarser, p.Start))));
                lines.AddRange(sums.Select(sum => ConsumptionQueries.Line(quantity, coarser, group.Key, sum)));
                next[group.Key] = [.. sums.Select(s => s.Start)];
            }
            if (lines.Count > 0)
                await WriteAsync(lines, cancellationToken);
            written += lines.Count;
            touched = next;
        }
        return written;
    }

    /// <summary>The registry's sensor of a series, for its replacements and rollover; null when unregistered.</summary>
    private RegistrySensor? Sensor(CounterSeriesKey series) =>
        registry.Current is { } current && current.TryGetDevice(series.Device, out var device)
            ? device.Device.Sensors.FirstOrDefault(s => s.Id == series.Sensor)
            : null;

    private static InfluxStatementResult? Statement(InfluxQueryResponse response, int id) =>
        response.Results.FirstOrDefault(r => r.StatementId == id);

    private static DateTimeOffset Floor(DateTimeOffset at) => ConsumptionSeries.PeriodStart(ConsumptionSeries.QuarterHour, at);

    /// <summary>Points per write: a month of quarter hours of a district's meters is hundreds of
    /// thousands of lines, more than one request to InfluxDB should carry (the rollups' bound too).</summary>
    private const int MaxLinesPerWrite = 5_000;

    private async Task WriteAsync(List<string> lines, CancellationToken cancellationToken)
    {
        for (var start = 0; start < lines.Count; start += MaxLinesPerWrite)
            await influx.WriteAsync(lines.GetRange(start, Math.Min(MaxLinesPerWrite, lines.Count - start)), cancellationToken);
    }
}
