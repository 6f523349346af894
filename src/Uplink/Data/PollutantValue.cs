using SmartPark.Contracts.Quantities;

namespace SmartPark.Uplink.Data;

/// <summary>One pollutant's aggregate over a period: from the rollups' mean, min, max and count, with its data flag,
/// written with the decimals of its quantity's HJ 212 format.</summary>
public sealed record PollutantValue(string Code, double Avg, double Min, double Max, long Count, string Flag, int Decimals = Hj212Factor.DefaultDecimals)
{
    /// <summary>The period's values at reference oxygen (<c>-ZsMin/-ZsAvg/-ZsMax</c>); null: the pollutant has none.</summary>
    public (double Min, double Avg, double Max)? Converted { get; init; }

    /// <summary>The period's total (<c>-Cou</c>): kg of a pollutant, m³ of a flow; null: none.</summary>
    public double? Cou { get; init; }

    /// <summary>Decimals of <see cref="Cou"/>.</summary>
    public int CouDecimals { get; init; } = EmissionTotals.KgDecimals;
}

/// <summary>Mean, min, max and count of one pollutant in one period, before its flag is known;
/// <paramref name="Readings"/> counts every reading of the period, measured or not.</summary>
public sealed record PeriodStats(double Avg, double Min, double Max, long Count, long Readings)
{
    /// <summary>Σ over the rollup windows used of their mean × their length in hours (0 when not read from rollups).</summary>
    public double Integral { get; init; }
}
