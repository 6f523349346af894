using System.Globalization;
using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Registry;
using SmartPark.Hj212;

namespace SmartPark.BureauPlatform;

/// <summary>A period whose judged value (<c>-ZsAvg</c> where sent, else <c>-Avg</c>) is above its limit; only N-flagged periods count.</summary>
public sealed record Exceedance(string Cn, string DataTime, string Code, string Field, double Value, double Limit);

/// <summary>A pollutant's <c>-Cou</c> that does not agree with its <c>-Avg</c> times the flow's <c>-Cou</c> (its volume).</summary>
public sealed record CouMismatch(string Cn, string DataTime, string Code, double Cou, double Expected, string FlowCode);

/// <summary>A treatment facility reported stopped (RS=0, 2021) while a production meter of the point drew power (2011).</summary>
public sealed record TreatmentStopped(string DataTime, string Facility, string ProductionCode, double ProductionKw);

/// <summary>What the platform concluded about a point's data.</summary>
public sealed record PointJudgement(IReadOnlyList<Exceedance> Exceedances, IReadOnlyList<CouMismatch> CouMismatches, IReadOnlyList<TreatmentStopped> TreatmentStopped);

/// <summary>
/// Judges the data of a point as a bureau's platform would, on the latest upload of each period
/// (the platform keeps the latest): limits per pollutant code on hourly or daily data, counted
/// only on N-flagged periods (a C, M or D period is not a measurement of the discharge); a
/// pollutant's <c>-Cou</c> against its <c>-Avg</c> × the flow's <c>-Cou</c> (mg/m³ × m³ × 10⁻⁶,
/// mg/L × m³ × 10⁻³ = kg; periods where both are N); and a treatment facility stopped while the point's production draws
/// power (which production meter codes are power comes from the registry, when the platform has one).
/// </summary>
public sealed class EmissionJudge(ParkRegistry? registry, PlatformOptions options)
{
    private static readonly string[] PeriodCommands = [Hj212Commands.MinuteData, Hj212Commands.HourlyData, Hj212Commands.DailyData];

    /// <summary>A production meter's power code of each MN, with the power above which production runs.</summary>
    private readonly Dictionary<string, List<(string Code, double RunningKw)>> _production = ProductionCodes(registry, options);

    public PointJudgement Judge(IEnumerable<ReceivedFrame> pointFrames)
    {
        var frames = pointFrames.Where(f => f.Valid && f.DataTime is not null).ToList();
        // The latest upload of each period.
        var latest = frames.Where(f => PeriodCommands.Contains(f.Cn))
            .GroupBy(f => (f.Cn, f.DataTime))
            .Select(g => g.Last())
            .OrderBy(f => f.DataTime, StringComparer.Ordinal)
            .ToList();
        return new PointJudgement(Exceedances(latest), CouMismatches(latest), Stopped(frames));
    }

    private List<Exceedance> Exceedances(List<ReceivedFrame> periods)
    {
        var found = new List<Exceedance>();
        foreach (var (code, limit) in options.Limits)
        {
            var cn = string.Equals(limit.Data, PlatformLimit.Daily, StringComparison.OrdinalIgnoreCase) ? Hj212Commands.DailyData : Hj212Commands.HourlyData;
            foreach (var frame in periods.Where(f => f.Cn == cn))
            {
                if (frame.Values.GetValueOrDefault($"{code}-Flag") != "N")
                    continue;
                var field = frame.Values.ContainsKey($"{code}-ZsAvg") ? $"{code}-ZsAvg" : $"{code}-Avg";
                if (Number(frame, field) is { } value && value > limit.Limit)
                    found.Add(new Exceedance(cn, frame.DataTime!, code, field, value, limit.Limit));
            }
        }
        return found;
    }

    private List<CouMismatch> CouMismatches(List<ReceivedFrame> periods)
    {
        var found = new List<CouMismatch>();
        foreach (var frame in periods)
        {
            foreach (var couField in frame.Values.Keys.Where(k => k.EndsWith("-Cou", StringComparison.Ordinal)))
            {
                var code = couField[..^4];
                var (flowCode, kgPerUnit) = code[0] switch
                {
                    // mg/m³ × m³ = mg → kg; mg/L = g/m³, × m³ = g → kg.
                    'a' => (QuantityCatalogue.FlueGasFlow.Hj212!.Code, 1e-6),
                    'w' => (QuantityCatalogue.WastewaterFlow.Hj212!.Code, 1e-3),
                    _ => ("", 0.0),
                };
                // Only where both are valid throughout (N): a total leaves out what was not measured,
                // so a calibration hour is in the flow's volume but not in the pollutant's kilograms.
                if (flowCode.Length == 0 || code == flowCode
                    || frame.Values.GetValueOrDefault($"{code}-Flag") != "N" || frame.Values.GetValueOrDefault($"{flowCode}-Flag") != "N"
                    || Number(frame, couField) is not { } cou || Number(frame, $"{code}-Avg") is not { } avg || Number(frame, $"{flowCode}-Cou") is not { } volume)
                    continue;
                var expected = avg * volume * kgPerUnit;
                // The mean of concentration × flow is not the mean concentration × the mean flow; and both are rounded.
                if (Math.Abs(cou - expected) > Math.Max(options.CouTolerance * Math.Abs(expected), 0.002))
                    found.Add(new CouMismatch(frame.Cn!, frame.DataTime!, code, cou, Math.Round(expected, 3), flowCode));
            }
        }
        return found;
    }

    private List<TreatmentStopped> Stopped(List<ReceivedFrame> frames)
    {
        var found = new List<TreatmentStopped>();
        var mn = frames.FirstOrDefault()?.Mn;
        if (mn is null || !_production.TryGetValue(mn, out var production))
            return found;
        var realTime = frames.Where(f => f.Cn == Hj212Commands.RealTimeData && Hj212Time.TryParseDataTime(f.DataTime, out _)).ToList();
        foreach (var state in frames.Where(f => f.Cn == Hj212Commands.RunStateData))
        {
            if (!Hj212Time.TryParseDataTime(state.DataTime, out var at))
                continue;
            foreach (var (field, value) in state.Values.Where(v => v.Key.EndsWith("-RS", StringComparison.Ordinal) && v.Value == "0"))
            {
                // The production meters' newest real-time values at most ProductionWindow before the state.
                foreach (var (code, runningKw) in production)
                {
                    var reading = realTime
                        .Select(f => (Frame: f, Time: Hj212Time.TryParseDataTime(f.DataTime, out var t) ? t : DateTime.MinValue))
                        .Where(x => x.Frame.Values.ContainsKey($"{code}-Rtd") && x.Time <= at && at - x.Time <= options.ProductionWindow)
                        .OrderBy(x => x.Time)
                        .LastOrDefault();
                    if (reading.Frame is not null && Number(reading.Frame, $"{code}-Rtd") is { } kw && kw > runningKw)
                    {
                        found.Add(new TreatmentStopped(state.DataTime!, field[..^3], code, kw));
                        break;
                    }
                }
            }
        }
        return found;
    }

    private static Dictionary<string, List<(string Code, double RunningKw)>> ProductionCodes(ParkRegistry? registry, PlatformOptions options)
    {
        var codes = new Dictionary<string, List<(string, double)>>(StringComparer.Ordinal);
        if (registry is null)
            return codes;
        foreach (var point in registry.MonitoringPoints)
        {
            foreach (var meter in point.Point.Meters)
            {
                if (!registry.TryGetDevice(meter.Device ?? point.Point.Device, out var device)
                    || device.Device.Sensors.FirstOrDefault(s => s.Id == meter.Sensor) is not { Role: SensorRoles.Production } sensor)
                    continue;
                foreach (var code in meter.Codes.Where(c => c.Quantity == QuantityCatalogue.Power.Name))
                {
                    if (!codes.TryGetValue(point.Point.Mn, out var list))
                        codes[point.Point.Mn] = list = [];
                    list.Add((code.Code, sensor.IdleLoad ?? options.ProductionIdleLoad));
                }
            }
        }
        return codes;
    }

    private static double? Number(ReceivedFrame frame, string field) =>
        frame.Values.TryGetValue(field, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
