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

    /// <summary>2051/2061/2031: <c>DataTime=start;code-Cou=…,code-Min=…,code-Avg=…,code-Max=…,code-ZsMin=…,code-ZsAvg=…,code-ZsMax=…,code-Flag=N;…</c>
    /// in the order of the standard's examples (Tables C.16–C.18: Cou first). <c>-Cou</c> only where the
    /// pollutant has a total (an emission from a measured flow, a flow's volume, <see cref="EmissionTotals"/>):
    /// it is never the number of readings; <c>-Zs…</c> only where it has values at reference oxygen.</summary>
    public static string Period(DateTime localStart, IEnumerable<PollutantValue> values)
    {
        var items = new List<IEnumerable<Hj212Field>> { new[] { new Hj212Field("DataTime", Hj212Time.DataTime(localStart)) } };
        foreach (var v in values)
        {
            var fields = new List<Hj212Field>(8);
            if (v.Cou is { } cou)
                fields.Add(new($"{v.Code}-Cou", Number(cou, v.CouDecimals)));
            fields.Add(new($"{v.Code}-Min", Number(v.Min, v.Decimals)));
            fields.Add(new($"{v.Code}-Avg", Number(v.Avg, v.Decimals)));
            fields.Add(new($"{v.Code}-Max", Number(v.Max, v.Decimals)));
            if (v.Converted is { } zs)
            {
                fields.Add(new($"{v.Code}-ZsMin", Number(zs.Min, v.Decimals)));
                fields.Add(new($"{v.Code}-ZsAvg", Number(zs.Avg, v.Decimals)));
                fields.Add(new($"{v.Code}-ZsMax", Number(zs.Max, v.Decimals)));
            }
            fields.Add(new($"{v.Code}-Flag", v.Flag));
            items.Add(fields);
        }
        return Hj212Cp.Format(items);
    }

    /// <summary>2011: <c>DataTime=sampling instant;code-Rtd=…,code-Flag=N;…</c>.</summary>
    public static string RealTime(DateTime localSampled, IEnumerable<(string Code, double Value, string Flag)> values) =>
        RealTime(localSampled, values.Select(v => (v.Code, v.Value, v.Flag, Hj212Factor.DefaultDecimals)));

    /// <summary>2011 with each value written to its own quantity's decimals.</summary>
    public static string RealTime(DateTime localSampled, IEnumerable<(string Code, double Value, string Flag, int Decimals)> values) =>
        RealTime(localSampled, values.Select(v => new RealTimeValue(v.Code, v.Value, v.Flag, v.Decimals)));

    /// <summary>2011: <c>code-Rtd=…,code-ZsRtd=…,code-Flag=N</c>, <c>-ZsRtd</c> where the reading has a value at reference oxygen.</summary>
    public static string RealTime(DateTime localSampled, IEnumerable<RealTimeValue> values)
    {
        var items = new List<IEnumerable<Hj212Field>> { new[] { new Hj212Field("DataTime", Hj212Time.DataTime(localSampled)) } };
        foreach (var v in values)
        {
            items.Add(v.Converted is { } zs
                ? [new($"{v.Code}-Rtd", Number(v.Value, v.Decimals)), new($"{v.Code}-ZsRtd", Number(zs, v.Decimals)), new($"{v.Code}-Flag", v.Flag)]
                : [new($"{v.Code}-Rtd", Number(v.Value, v.Decimals)), new($"{v.Code}-Flag", v.Flag)]);
        }
        return Hj212Cp.Format(items);
    }

    /// <summary>2021: <c>DataTime=sampling instant;SB1-RS=1;SB2-RS=0</c> (Table C.15).</summary>
    public static string RunStates(DateTime localSampled, IEnumerable<(string Facility, int State)> states) =>
        Hj212Cp.Format([[new Hj212Field("DataTime", Hj212Time.DataTime(localSampled))], .. states.Select(s => new[] { new Hj212Field($"{s.Facility}-RS", s.State.ToString(CultureInfo.InvariantCulture)) })]);

    /// <summary>2041: <c>DataTime=day start;SB1-RT=1.1;SB2-RT=2.1</c>, hours with 2 decimals (N2.2, Table C.19).</summary>
    public static string RunTimes(DateTime localDay, IEnumerable<(string Facility, double Hours)> times) =>
        Hj212Cp.Format([[new Hj212Field("DataTime", Hj212Time.DataTime(localDay))], .. times.Select(t => new[] { new Hj212Field($"{t.Facility}-RT", Number(t.Hours, 2)) })]);
}

/// <summary>One pollutant's real-time value, with its value at reference oxygen when it has one.</summary>
public sealed record RealTimeValue(string Code, double Value, string Flag, int Decimals)
{
    public double? Converted { get; init; }
}
