using System.Globalization;
using System.Text;
using SmartPark.Contracts.Registry;
using SmartPark.Hj212;

namespace SmartPark.BureauPlatform;

/// <summary>
/// Judges a received frame as a platform would: framing (length, CRC) and fields by the codec,
/// then MN, PW and ST against the registry when one is given, a version the platform speaks
/// (2017 or 2025), and for data uploads a DataTime on its period's boundary and well-formed
/// pollutant values and flags.
/// </summary>
public sealed class FrameJudge(ParkRegistry? registry)
{
    private static readonly string[] Suffixes = ["Rtd", "Min", "Avg", "Max", "Cou", "Flag", "EFlag", "SampleTime", "ZsRtd", "ZsMin", "ZsAvg", "ZsMax"];
    private static readonly string[] DataFlags = ["N", "F", "M", "S", "D", "C", "T", "B"];

    private readonly Dictionary<string, RegistryMonitoringPoint>? _points =
        registry?.MonitoringPoints.ToDictionary(p => p.Point.Mn, p => p.Point, StringComparer.Ordinal);

    public ReceivedFrame Judge(byte[] bytes, string remote, DateTimeOffset at)
    {
        var result = Hj212Decoder.Decode(bytes);
        var problems = result.Problems.Select(p => p.Message).ToList();
        var packet = result.Packet;
        Hj212Cp? cp = null;
        if (packet is not null)
        {
            cp = Hj212Cp.Parse(packet.Cp);
            CheckPoint(packet, problems);
            if (Hj212Commands.IsDataUpload(packet.Cn))
                CheckData(packet, cp, problems);
        }
        return new ReceivedFrame
        {
            At = at,
            Remote = remote,
            Raw = Encoding.UTF8.GetString(bytes).TrimEnd('\r', '\n'),
            Valid = problems.Count == 0 && packet is not null,
            Problems = problems,
            Mn = packet?.Mn,
            Cn = packet?.Cn,
            Qn = packet?.Qn,
            St = packet?.St,
            Flag = packet?.Flag,
            DataTime = cp?.Get("DataTime"),
            Values = cp is null ? new Dictionary<string, string>() : cp.Fields.Where(f => f.Name != "DataTime")
                .GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal),
        };
    }

    private void CheckPoint(Hj212Packet packet, List<string> problems)
    {
        if (packet.Flag is { } flag && Hj212Flag.Version(flag) is not (Hj212Version.V2017 or Hj212Version.V2025))
            problems.Add($"Flag={flag}: version bits {Hj212Flag.VersionNumber(flag)} are neither 2017 (1) nor 2025 (2)");
        if (_points is null)
            return;
        if (!_points.TryGetValue(packet.Mn, out var point))
        {
            problems.Add($"MN {packet.Mn} is not a monitoring point of this platform");
            return;
        }
        if (!string.Equals(point.Pw, packet.Pw, StringComparison.Ordinal))
            problems.Add($"PW is wrong for MN {packet.Mn}");
        if (packet.St != Hj212SystemCodes.SystemInteraction && packet.St != point.St)
            problems.Add($"ST {packet.St} is not the point's system code {point.St}");
    }

    private static void CheckData(Hj212Packet packet, Hj212Cp cp, List<string> problems)
    {
        if (packet.Qn is null)
            problems.Add("a data upload needs a QN");
        var dataTime = cp.Get("DataTime");
        if (!Hj212Time.TryParseDataTime(dataTime, out var start))
        {
            problems.Add($"DataTime '{dataTime}' is missing or not YYYYMMDDhhmmss");
        }
        else
        {
            var aligned = packet.Cn switch
            {
                Hj212Commands.MinuteData => start.Second == 0,
                Hj212Commands.HourlyData => start is { Minute: 0, Second: 0 },
                Hj212Commands.DailyData or Hj212Commands.RunTimeData => start.TimeOfDay == TimeSpan.Zero,
                _ => true,
            };
            if (!aligned)
                problems.Add($"DataTime {dataTime} is not the start of a {packet.Cn} period");
        }
        var pollutants = 0;
        foreach (var field in cp.Fields.Where(f => f.Name != "DataTime"))
        {
            var dash = field.Name.IndexOf('-', StringComparison.Ordinal);
            var suffix = dash < 0 ? "" : field.Name[(dash + 1)..];
            if (packet.Cn is Hj212Commands.RunStateData or Hj212Commands.RunTimeData)
            {
                CheckFacility(packet.Cn, field, problems);
                pollutants++;
                continue;
            }
            if (dash != 6 || !Suffixes.Contains(suffix))
            {
                problems.Add($"'{field.Name}' is not a pollutant field (code-Rtd, -Min, -Avg, -Max, -Cou, -Flag, …)");
                continue;
            }
            if (suffix == "Flag")
            {
                if (!DataFlags.Contains(field.Value))
                    problems.Add($"{field.Name}={field.Value} is not a data flag (N, F, M, S, D, C, T, B)");
                pollutants++;
            }
            else if (suffix is not ("EFlag" or "SampleTime") && !double.TryParse(field.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                problems.Add($"{field.Name}={field.Value} is not a number");
            }
        }
        if (pollutants == 0)
            problems.Add(packet.Cn is Hj212Commands.RunStateData or Hj212Commands.RunTimeData
                ? "the upload carries no treatment facility (no SBxxx field)"
                : "the upload carries no pollutant (no code-Flag field)");
    }

    /// <summary>2021 <c>SBxxx-RS</c> (N1: 0 stopped … 5 backflush) and 2041 <c>SBxxx-RT</c> (hours in a day, 0 ≤ n ≤ 24), HJ 212-2017 §6.3.3.</summary>
    private static void CheckFacility(string cn, Hj212Field field, List<string> problems)
    {
        var suffix = cn == Hj212Commands.RunStateData ? "-RS" : "-RT";
        if (!field.Name.EndsWith(suffix, StringComparison.Ordinal) || !PointMeters.FacilityPattern().IsMatch(field.Name[..^3]))
        {
            problems.Add($"'{field.Name}' is not a treatment facility field (SBxxx{suffix})");
            return;
        }
        var valid = cn == Hj212Commands.RunStateData
            ? field.Value is { Length: 1 } state && char.IsAsciiDigit(state[0])
            : double.TryParse(field.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) && hours is >= 0 and <= 24;
        if (!valid)
            problems.Add(cn == Hj212Commands.RunStateData ? $"{field.Name}={field.Value} is not a run state (one digit: 0 stopped, 1 running, …)" : $"{field.Name}={field.Value} is not hours of a day (0 to 24)");
    }
}
