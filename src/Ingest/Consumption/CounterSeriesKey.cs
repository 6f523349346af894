using SmartPark.Platform.Influx;

namespace SmartPark.Ingest.Consumption;

/// <summary>One raw series of a counting quantity: its tags (an absent tag is empty), as stored by Ingest.</summary>
public sealed record CounterSeriesKey(string Park, string Enterprise, string Device, string Sensor)
{
    public static readonly string[] Tags = ["park", "enterprise", "device", "sensor"];

    public static CounterSeriesKey From(IReadOnlyDictionary<string, string>? tags) => new(
        tags?.GetValueOrDefault("park") ?? "", tags?.GetValueOrDefault("enterprise") ?? "",
        tags?.GetValueOrDefault("device") ?? "", tags?.GetValueOrDefault("sensor") ?? "");

    /// <summary>The tags to write, in key order, empty ones left out (as the raw points).</summary>
    public IEnumerable<(string Tag, string Value)> Pairs() =>
        new[] { ("device", Device), ("enterprise", Enterprise), ("park", Park), ("sensor", Sensor) }.Where(p => p.Item2.Length > 0);

    /// <summary>InfluxQL condition selecting exactly this series (<c>tag = ''</c> matches an absent tag).</summary>
    public string Condition() =>
        string.Join(" AND ", Tags.Zip([Park, Enterprise, Device, Sensor]).Select(t => $"{InfluxQl.Identifier(t.First)} = {InfluxQl.String(t.Second)}"));

    public override string ToString() => $"{Park}/{Enterprise}/{Device}/{Sensor}";
}
