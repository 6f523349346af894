using System.Globalization;
using SmartPark.Contracts.Quantities;
using SmartPark.Hj212;

namespace SmartPark.Uplink.Data;

/// <summary>The command parameters of the data uploads (HJ 212-2017 Annex C, Tables C.14, C.16–C.18).</summary>
public static class CpBuilder
{
    /// <summary>Values with up to <paramref name="decimals"/> decimals, the quantity's Annex B format
    /// (<see cref="Hj212Factor"/>: NMHC N7.3, NOx N5.1); 3 where the catalogue gives none, as no sensor here is finer.</summary>
    public static string Number(double value, int decimals = Hj212Factor.DefaultDecimals)
    {
        var text = Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString(decimals == 0 ? "0" : "0." + new string('#', decimals), CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>2051/2061/2031: <c>DataTime=start;code-Min=…,code-Avg=…,code-Max=…,code-Flag=N;…</c>.
    /// No <c>-Cou</c>: in HJ 212 it is the cumulative emission (concentration × flow, Annex D), which a
    /// concentration-only VOC point cannot give; it is not the number of readings.</summary>
    public static string Period(DateTime localStart, IEnumerable<PollutantValue> values)
    {
        var items = new List<IEnumerable<Hj212Field>> { new[] { new Hj212Field("DataTime", Hj212Time.DataTime(localStart)) } };
        foreach (var v in values)
        {
            items.Add([
                new($"{v.Code}-Min", Number(v.Min, v.Decimals)),
                new($"{v.Code}-Avg", Number(v.Avg, v.Decimals)),
                new($"{v.Code}-Max", Number(v.Max, v.Decimals)),
                new($"{v.Code}-Flag", v.Flag),
            ]);
        }
        return Hj212Cp.Format(items);
    }

    /// <summary>2011: <c>DataTime=sampling instant;code-Rtd=…,code-Flag=N;…</c>.</summary>
    public static string RealTime(DateTime localSampled, IEnumerable<(string Code, double Value, string Flag)> values) =>
        RealTime(localSampled, values.Select(v => (v.Code, v.Value, v.Flag, Hj212Factor.DefaultDecimals)));

    /// <summary>2011 with each value written to its own quantity's decimals.</summary>
    public static string RealTime(DateTime localSampled, IEnumerable<(string Code, double Value, string Flag, int Decimals)> values)
    {
        var items = new List<IEnumerable<Hj212Field>> { new[] { new Hj212Field("DataTime", Hj212Time.DataTime(localSampled)) } };
        foreach (var (code, value, flag, decimals) in values)
            items.Add([new($"{code}-Rtd", Number(value, decimals)), new($"{code}-Flag", flag)]);
        return Hj212Cp.Format(items);
    }
}
