using SmartPark.Contracts.Quantities;

namespace SmartPark.Uplink.Data;

/// <summary>One pollutant's aggregate over a period: from the rollups' mean, min, max and count, with its data flag,
/// written with the decimals of its quantity's HJ 212 format.</summary>
public sealed record PollutantValue(string Code, double Avg, double Min, double Max, long Count, string Flag, int Decimals = Hj212Factor.DefaultDecimals);

/// <summary>Mean, min, max and count of one pollutant in one period, before its flag is known;
/// <paramref name="Readings"/> counts every reading of the period, measured or not.</summary>
public sealed record PeriodStats(double Avg, double Min, double Max, long Count, long Readings);
