namespace SmartPark.Uplink.Data;

/// <summary>
/// A period's <c>-Cou</c> (HJ 212-2017 "污染物指定时间内累计值", computed as its Annex D says): the
/// pollutant's emission in kg from its rate (<c>{q}_rate</c>, kg/h), or a flow's volume in m³.
/// <list type="bullet">
/// <item>A minute or an hour: the mean of the period's measured rate values × the period's length.
/// This is the hourly emission of HJ 75-2017 and HJ 212-2017 Annex D eq. (33), G_h = C_h × Q_sn,h,
/// the hour's valid mean taken for the whole hour; a minute period the same at its scale.</item>
/// <item>A day: the sum of its hours' totals, hours without valid data adding nothing (Annex D eqs.
/// (4), (11), (32), (34): the day's sum over its valid hours).</item>
/// </list>
/// Our rate is the mean of each reading's concentration × flow rather than the hour's mean
/// concentration × the hour's mean flow (eq. 33): with readings every few seconds the two differ
/// only by how concentration and flow vary together within the hour.
/// </summary>
public static class EmissionTotals
{
    /// <summary>kg to 3 decimals (grams): an hour of a small boiler's NOx is a few hundred grams.</summary>
    public const int KgDecimals = 3;

    /// <summary>m³ to 1 decimal, as the standard's examples (<c>w00000-Cou=63.0</c>).</summary>
    public const int CubicMetreDecimals = 1;

    /// <summary>kg in the period from a rate in kg/h.</summary>
    public static double Kg(PeriodKind kind, long periodMs, PeriodStats rate) =>
        kind == PeriodKind.Day ? rate.Integral : rate.Avg * Hours(periodMs);

    /// <summary>m³ in the period from a flow, with <paramref name="cubicMetresPerHour"/> m³/h per unit of it (m³/s: 3600, L/s: 3.6).</summary>
    public static double CubicMetres(PeriodKind kind, long periodMs, PeriodStats flow, double cubicMetresPerHour) =>
        cubicMetresPerHour * (kind == PeriodKind.Day ? flow.Integral : flow.Avg * Hours(periodMs));

    private static double Hours(long periodMs) => periodMs / 3_600_000.0;
}
