using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Telemetry;
using SmartPark.Hj212;
using SmartPark.Uplink.Data;
using SmartPark.Uplink.Telemetry;

namespace SmartPark.Uplink.Points;

/// <summary>
/// What a point sends at each real-time tick, from the newest readings not sent yet (one
/// instance per connection): the pollutants' 2011 (with <c>-ZsRtd</c> where a value at reference
/// oxygen was derived from the same batch), a 2011 of the production meters and one of the
/// treatment meters under the bureau's codes, and the treatment facilities' run states (2021).
/// </summary>
public sealed class RealTimeFrames(PointConfig config, LatestReadings latest, PeriodClock clock)
{
    private readonly Dictionary<string, DateTimeOffset> _sent = new(StringComparer.Ordinal);

    /// <summary>HJ 212-2017 §6.3.3 (SBxxx-RS): 0 stopped, 1 running, 2 calibration, 3 maintenance, 4 alarm, 5 backflush.</summary>
    public const int Stopped = 0, Running = 1, Maintenance = 3;

    /// <summary>The frames due now, as (CN, CP), in the order they are sent; without <paramref name="realTime"/>
    /// (a host stopped it with 2012) only the run states, and the readings wait for 2011 to start again.</summary>
    public IReadOnlyList<(string Cn, string Cp)> Due(bool realTime = true)
    {
        var frames = new List<(string Cn, string Cp)>();
        if (realTime && Pollutants() is { } pollutants)
            frames.Add((Hj212Commands.RealTimeData, pollutants));
        foreach (var role in realTime ? SensorRoles.All : Array.Empty<string>())
        {
            if (MeterValues(role) is { } meters)
                frames.Add((Hj212Commands.RealTimeData, meters));
        }
        if (RunStates() is { } states)
            frames.Add((Hj212Commands.RunStateData, states));
        return frames;
    }

    /// <summary>The run state of a treatment facility from its meter's newest power reading: running above its idle load; a meter in maintenance says the facility is.</summary>
    public static int RunState(double powerKw, string flag, double idleLoad) =>
        flag == DataFlag.Maintenance ? Maintenance : powerKw > idleLoad ? Running : Stopped;

    private string? Pollutants()
    {
        var values = new List<RealTimeValue>();
        var newest = DateTimeOffset.MinValue;
        foreach (var source in config.Sources)
        {
            if (!TryNew("p:" + source.Code, latest.Get(config.Device, source.Sensor, source.Quantity), out var reading))
                continue;
            var converted = config.Series.FirstOrDefault(s => s.Code == source.Code && s.Role == SeriesRole.Converted) is { } series
                && latest.Get(config.Device, series.Sensor, series.Quantity) is { } zs && zs.Ts == reading.Ts
                ? zs.Value
                : (double?)null;
            values.Add(new RealTimeValue(source.Code, reading.Value, reading.Flag, source.Decimals) { Converted = converted });
            if (reading.Ts > newest)
                newest = reading.Ts;
        }
        return values.Count == 0 ? null : CpBuilder.RealTime(clock.Local(newest.ToUnixTimeMilliseconds()), values);
    }

    private string? MeterValues(string role)
    {
        var values = new List<RealTimeValue>();
        var newest = DateTimeOffset.MinValue;
        foreach (var meter in config.Meters.Where(m => m.Role == role))
        {
            foreach (var code in meter.Codes)
            {
                if (!TryNew("m:" + code.Code, latest.Get(meter.Device, meter.Sensor, code.Quantity), out var reading))
                    continue;
                values.Add(new RealTimeValue(code.Code, reading.Value, reading.Flag, code.Decimals));
                if (reading.Ts > newest)
                    newest = reading.Ts;
            }
        }
        return values.Count == 0 ? null : CpBuilder.RealTime(clock.Local(newest.ToUnixTimeMilliseconds()), values);
    }

    private string? RunStates()
    {
        var states = new List<(string Facility, int State)>();
        var newest = DateTimeOffset.MinValue;
        foreach (var meter in config.Facilities)
        {
            if (!TryNew("rs:" + meter.Facility, latest.Get(meter.Device, meter.Sensor, Contracts.Quantities.QuantityCatalogue.Power.Name), out var power))
                continue;
            states.Add((meter.Facility!, RunState(power.Value, power.Flag, meter.IdleLoad)));
            if (power.Ts > newest)
                newest = power.Ts;
        }
        return states.Count == 0 ? null : CpBuilder.RunStates(clock.Local(newest.ToUnixTimeMilliseconds()), states);
    }

    /// <summary>Whether <paramref name="reading"/> is newer than what was sent under <paramref name="key"/>; if so it counts as sent.</summary>
    private bool TryNew(string key, LatestReading? candidate, out LatestReading reading)
    {
        reading = candidate!;
        if (candidate is null || (_sent.TryGetValue(key, out var last) && candidate.Ts <= last))
            return false;
        _sent[key] = candidate.Ts;
        return true;
    }
}
