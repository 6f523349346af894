using System.Text.RegularExpressions;
using SmartPark.Contracts.Quantities;

namespace SmartPark.Contracts.Registry;

/// <summary>
/// The rules of a monitoring point: MN letters and digits (at most 24, unique across the
/// registry), PW at most 6 characters, ST from HJ 212 Table 5, a device of the same enterprise
/// whose sensors report every mapped quantity, pollutant codes like <c>a24088</c> (each once),
/// a platform host and port, version 2017 or 2025, and intervals the standard allows.
/// </summary>
internal static partial class MonitoringPointRules
{
    /// <summary>HJ 212-2017 Table 5 codes a monitoring point can have (91 is for replies).</summary>
    public static readonly string[] SystemCodes =
        ["21", "22", "23", "24", "25", "26", "27", "31", "32", "33", "34", "35", "36", "37", "38", "39", "41", "51", "52"];

    /// <summary>HJ 212-2017 Table 4: the minute-data intervals allowed, in minutes.</summary>
    public static readonly int[] MinuteIntervals = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30];

    [GeneratedRegex("^[0-9A-Za-z]{1,24}$")]
    private static partial Regex MnPattern();

    public static void Check(RegistryMonitoringPoint point, RegistryEnterprise enterprise, Dictionary<string, int> mns, List<RegistryError> errors)
    {
        var what = $"monitoring point '{point.Mn}'";
        if (point.Mn.Length > 0 && !MnPattern().IsMatch(point.Mn))
            errors.Add(new(point.LineOf("mn"), $"{what}: mn must be 1 to 24 letters or digits (HJ 212: 24 hex digits)"));
        else if (point.Mn.Length > 0 && !mns.TryAdd(point.Mn, point.LineOf("mn")))
            errors.Add(new(point.LineOf("mn"), $"{what} is already listed on line {mns[point.Mn]} (an MN names one point)"));
        if (point.Pw.Length > 6 || point.Pw.IndexOfAny([';', ',', '=', '&']) >= 0)
            errors.Add(new(point.LineOf("pw"), $"{what}: pw must be at most 6 characters without ; , = or &"));
        if (point.St.Length > 0 && !SystemCodes.Contains(point.St))
            errors.Add(new(point.LineOf("st"), $"{what}: st '{point.St}' is not an HJ 212 system code ({string.Join(", ", SystemCodes)}; 27 VOC monitoring, 31 air pollution source)"));
        if (point.PlatformPort is not double.NaN && (point.PlatformPort != Math.Floor(point.PlatformPort) || point.PlatformPort is < 1 or > 65535))
            errors.Add(new(point.LineOf("platform"), $"{what}: platform port must be a whole number from 1 to 65535, not {point.PlatformPort}"));
        if (point.Version is not (2017 or 2025))
            errors.Add(new(point.LineOf("version"), $"{what}: version must be 2017 or 2025, not {point.Version}"));
        if (point.RtdInterval is { } rtd && (rtd != Math.Floor(rtd) || rtd is < 30 or > 3600))
            errors.Add(new(point.LineOf("rtdInterval"), $"{what}: rtdInterval must be whole seconds from 30 to 3600 (HJ 212 Table 4), not {rtd}"));
        if (point.MinInterval is { } min && (min != Math.Floor(min) || !MinuteIntervals.Contains((int)min)))
            errors.Add(new(point.LineOf("minInterval"), $"{what}: minInterval must be one of {string.Join(", ", MinuteIntervals)} minutes (HJ 212 Table 4), not {min}"));

        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pollutant in point.Pollutants)
        {
            var known = QuantityCatalogue.TryGet(pollutant.Quantity, out _);
            if (!known)
                errors.Add(new(pollutant.Line, $"{what}: quantity '{pollutant.Quantity}' is not in the catalogue"));
            if (pollutant.Code.Length == 0)
            {
                // Listed without a code, and the catalogue has none for it (or does not know it).
                if (known)
                    errors.Add(new(pollutant.Line, $"{what}: quantity '{pollutant.Quantity}' has no HJ 212 pollutant code in the catalogue: map it to the bureau's code ({pollutant.Quantity}: code)"));
            }
            else if (!Hj212Factor.CodePattern().IsMatch(pollutant.Code))
                errors.Add(new(pollutant.Line, $"{what}: '{pollutant.Code}' is not an HJ 212 pollutant code (a letter and 5 letters or digits, e.g. a24088)"));
            else if (!codes.TryAdd(pollutant.Code, pollutant.Line))
                errors.Add(new(pollutant.Line, $"{what}: pollutant code '{pollutant.Code}' is already used on line {codes[pollutant.Code]}"));
        }

        if (point.Device.Length == 0)
            return;
        var device = enterprise.Devices.FirstOrDefault(d => d.Id == point.Device);
        if (device is null)
        {
            errors.Add(new(point.LineOf("device"), $"{what}: device '{point.Device}' is not a device of enterprise '{enterprise.Id}'"));
            return;
        }
        if (point.Sensor is { Length: > 0 } sensor && device.Sensors.All(s => s.Id != sensor))
        {
            errors.Add(new(point.LineOf("sensor"), $"{what}: device '{device.Id}' has no sensor '{sensor}'"));
            return;
        }
        var problems = new List<(RegistryPollutant Pollutant, string Problem)>();
        MonitoringPointSources.Resolve(point, device, problems);
        foreach (var (pollutant, problem) in problems.Where(p => QuantityCatalogue.TryGet(p.Pollutant.Quantity, out _)))
            errors.Add(new(pollutant.Line, $"{what}: {problem}"));
    }
}
