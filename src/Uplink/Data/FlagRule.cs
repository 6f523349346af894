using SmartPark.Contracts.Telemetry;

namespace SmartPark.Uplink.Data;

/// <summary>
/// The data flag of an aggregated value, after HJ 212-2017 Annex C (Tables C.16–C.18, flue gas):
/// normal (N) when at least 75 % of what it aggregates was normal — the readings for a minute
/// value, the minute values for an hour, the hours for a day. Otherwise the standard says D
/// (instrument fault); we keep the one other flag when all the rest share it, so a period spent
/// in calibration is C and one in maintenance M, and use D when the rest is mixed.
/// </summary>
public static class FlagRule
{
    public static string Of(IReadOnlyDictionary<string, long> counts)
    {
        long total = 0, normal = 0;
        foreach (var (flag, count) in counts)
        {
            total += count;
            if (flag == DataFlag.Normal)
                normal += count;
        }
        if (total == 0 || normal * 4 >= total * 3)
            return DataFlag.Normal;
        var others = counts.Where(c => c.Key != DataFlag.Normal && c.Value > 0).Select(c => c.Key).ToList();
        return others.Count == 1 ? others[0] : DataFlag.Fault;
    }

    /// <summary>The flag of a value made of values that have flags themselves (minutes → hour, hours → day).</summary>
    public static string OfFlags(IEnumerable<string> flags) =>
        Of(flags.GroupBy(f => f).ToDictionary(g => g.Key, g => (long)g.Count()));
}
