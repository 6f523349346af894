namespace SmartPark.Efficiency.Evaluation;

/// <summary>
/// Indicator values into points, by the scheme's method. Weighted-benchmark (Huangyan): weight ×
/// value ÷ benchmark, or benchmark ÷ value for a lower-is-better indicator, the ratio kept within
/// [0, cap]. Min-max (Jingde): weight × [20 + 80 × (v − min) ÷ (max − min)] ÷ 100 over the ranking
/// group, (max − v) for lower-is-better, the full weight when every value is equal. A missing value
/// gives no points.
/// </summary>
internal static class IndicatorScoring
{
    /// <summary>The lowest and highest value of one indicator in a ranking group.</summary>
    public readonly record struct Range(double Min, double Max);

    public static Dictionary<string, double> WeightedBenchmark(
        IReadOnlyList<WeightedIndicator> set, IReadOnlyDictionary<string, double?> values, double cap)
    {
        var points = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var weighted in set)
        {
            var definition = IndicatorCatalogue.Get(weighted.Id);
            var benchmark = weighted.Benchmark ?? throw new InvalidOperationException($"indicator '{weighted.Id}' has no benchmark");
            double ratio = 0;
            if (values.GetValueOrDefault(weighted.Id) is { } value)
            {
                // A lower-is-better figure of zero (no energy at all for the output) is as good as it gets.
                ratio = definition.HigherIsBetter ? value / benchmark : value > 0 ? benchmark / value : cap;
            }
            points[weighted.Id] = weighted.Weight * Math.Clamp(ratio, 0, cap);
        }
        return points;
    }

    public static Dictionary<string, double> MinMax(
        IReadOnlyList<WeightedIndicator> set, IReadOnlyDictionary<string, double?> values, IReadOnlyDictionary<string, Range> ranges)
    {
        var points = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var weighted in set)
        {
            var definition = IndicatorCatalogue.Get(weighted.Id);
            double share = 0;
            if (values.GetValueOrDefault(weighted.Id) is { } value && ranges.TryGetValue(weighted.Id, out var range))
            {
                var spread = range.Max - range.Min;
                var position = spread > 0
                    ? (definition.HigherIsBetter ? value - range.Min : range.Max - value) / spread
                    : 1;
                // Clamped for an ungraded enterprise scored against the graded ones' range.
                share = (20 + (80 * Math.Clamp(position, 0, 1))) / 100;
            }
            points[weighted.Id] = weighted.Weight * share;
        }
        return points;
    }

    /// <summary>Each indicator's range over the values given (indicators without any value are left out).</summary>
    public static Dictionary<string, Range> Ranges(IReadOnlyList<WeightedIndicator> set, IEnumerable<IReadOnlyDictionary<string, double?>> members)
    {
        var ranges = new Dictionary<string, Range>(StringComparer.Ordinal);
        var all = members.ToList();
        foreach (var weighted in set)
        {
            var present = all.Select(m => m.GetValueOrDefault(weighted.Id)).OfType<double>().ToList();
            if (present.Count > 0)
            {
                ranges[weighted.Id] = new(present.Min(), present.Max());
            }
        }
        return ranges;
    }
}
