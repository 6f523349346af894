using SmartPark.Efficiency.Evaluation;

namespace SmartPark.Dashboard.Efficiency.Evaluation;

/// <summary>One indicator's spread among an industry's enterprises of the district: quartiles, no names, no single figures.</summary>
public sealed record IndicatorSpread(int Count, double Q1, double Median, double Q3);

/// <summary>An industry's indicator spreads (by indicator id) in the district.</summary>
public sealed record IndustryPeers(string Industry, int Enterprises, IReadOnlyDictionary<string, IndicatorSpread> Indicators);

/// <summary>
/// Peer statistics: how an industry's enterprises of the district spread on each indicator. What an
/// operator sees of the other parks: quartiles only, and only where at least
/// <see cref="MinimumPeers"/> enterprises have the indicator, so no one enterprise's figure can be
/// read back from them (with two values, the median and one's own give the other's).
/// </summary>
public static class PeerStatistics
{
    public const int MinimumPeers = 3;

    public static IReadOnlyList<IndustryPeers> ByIndustry(IEnumerable<EnterpriseEvaluation> enterprises) =>
        [.. enterprises
            .GroupBy(e => e.Facts.Industry, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new IndustryPeers(g.Key, g.Count(), Spreads(g)))];

    /// <summary>Each indicator's quartiles over the enterprises that have it (indicators with fewer than <see cref="MinimumPeers"/> values left out).</summary>
    public static IReadOnlyDictionary<string, IndicatorSpread> Spreads(IEnumerable<EnterpriseEvaluation> enterprises)
    {
        var list = enterprises.ToList();
        var spreads = new SortedDictionary<string, IndicatorSpread>(StringComparer.Ordinal);
        foreach (var indicator in IndicatorCatalogue.All)
        {
            var values = list.Select(e => e.Indicators.GetValueOrDefault(indicator.Id)).OfType<double>().Order().ToList();
            if (values.Count >= MinimumPeers)
                spreads[indicator.Id] = new IndicatorSpread(values.Count, Quantile(values, 0.25), Quantile(values, 0.5), Quantile(values, 0.75));
        }
        return spreads;
    }

    /// <summary>The median of the values present, or null when none is.</summary>
    public static double? Median(IEnumerable<double?> values)
    {
        var sorted = values.OfType<double>().Order().ToList();
        return sorted.Count == 0 ? null : Quantile(sorted, 0.5);
    }

    /// <summary>Linear interpolation between closest ranks (the spreadsheet QUARTILE.INC), on sorted values.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        var position = (sorted.Count - 1) * p;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
