using SmartPark.Contracts.Telemetry;

namespace SmartPark.Dashboard.Emissions;

/// <summary>
/// The data flag of an hourly value from the counts of its readings' flags, as the uplink sends the
/// hour to the bureau (HJ 212-2017 Annex C: normal when at least 75 % of it was normal; otherwise
/// the one other flag when the rest share it, so an hour spent calibrating is C and one in
/// maintenance M, and D when the rest is mixed). The chart shades the hours that are not N.
/// </summary>
public static class HourFlags
{
    /// <summary>The hour's flag; <paramref name="others"/> counts each flag but N, <paramref name="readings"/> all readings.</summary>
    public static string Of(IReadOnlyDictionary<string, long> others, long readings)
    {
        var abnormal = others.Where(o => o.Key != DataFlag.Normal && o.Value > 0).ToList();
        var notNormal = abnormal.Sum(o => o.Value);
        var total = Math.Max(readings, notNormal);
        if (total == 0 || (total - notNormal) * 4 >= total * 3)
            return DataFlag.Normal;
        return abnormal.Count == 1 ? abnormal[0].Key : DataFlag.Fault;
    }
}
