using SmartPark.Hj212;

namespace SmartPark.BureauPlatform;

/// <summary>What the platform holds of one monitoring point.</summary>
public sealed record PointSummary(string Mn, bool Connected, DateTimeOffset? LastFrameAt, int Frames, int Rejected, IReadOnlyList<SeriesSummary> Series)
{
    /// <summary>Exceedances, inconsistent totals and treatment stopped during production (<see cref="EmissionJudge"/>).</summary>
    public PointJudgement? Judgement { get; init; }
}

/// <summary>
/// One kind of data of a point (2011 real-time, 2051 minute, 2061 hourly, 2031 daily): how many
/// uploads, how many periods, repeats of one upload (same QN: a resend after a lost reply),
/// revisions (a period uploaded again under another QN with other values: late data filled it;
/// the platform keeps the latest), duplicates (uploaded again with the same values: a field-unit
/// fault), the latest values and the gaps.
/// </summary>
public sealed record SeriesSummary(string Cn, string Name, int Received, int Periods, int Resent, int Revised, int Duplicates, string? Latest, IReadOnlyDictionary<string, string>? LatestValues, IReadOnlyList<Gap> Gaps);

/// <summary>Periods missing between two received ones (DataTimes as on the wire).</summary>
public sealed record Gap(string After, string Before, int Missing);

public static class PointSummaries
{
    private static readonly (string Cn, string Name)[] Kinds =
    [
        (Hj212Commands.RealTimeData, "real-time"),
        (Hj212Commands.MinuteData, "minute"),
        (Hj212Commands.HourlyData, "hourly"),
        (Hj212Commands.DailyData, "daily"),
        (Hj212Commands.RunStateData, "run state"),
        (Hj212Commands.RunTimeData, "run time"),
    ];

    public static IReadOnlyList<PointSummary> Build(IReadOnlyList<ReceivedFrame> frames, IReadOnlySet<string> connected, EmissionJudge? judge = null)
    {
        var summaries = new List<PointSummary>();
        foreach (var point in frames.Where(f => f.Mn is not null).GroupBy(f => f.Mn!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var valid = point.Where(f => f.Valid).ToList();
            var series = new List<SeriesSummary>();
            foreach (var (cn, name) in Kinds)
            {
                var uploads = valid.Where(f => f.Cn == cn && f.DataTime is not null).ToList();
                if (uploads.Count == 0)
                    continue;
                var byPeriod = uploads.GroupBy(f => f.DataTime!).ToList();
                var resent = byPeriod.Sum(p => p.Count() - p.Select(f => f.Qn).Distinct().Count());
                var revised = byPeriod.Sum(p => p.Select(f => ValuesKey(f.Values)).Distinct().Count() - 1);
                var duplicates = byPeriod.Sum(p => p.Select(f => f.Qn).Distinct().Count() - p.Select(f => ValuesKey(f.Values)).Distinct().Count());
                var latest = byPeriod.OrderBy(p => p.Key, StringComparer.Ordinal).Last();
                series.Add(new SeriesSummary(cn, name, uploads.Count, byPeriod.Count, resent, revised, duplicates, latest.Key,
                    latest.Last().Values, cn is Hj212Commands.RealTimeData or Hj212Commands.RunStateData ? [] : Gaps(cn, byPeriod.Select(p => p.Key))));
            }
            summaries.Add(new PointSummary(point.Key, connected.Contains(point.Key), point.Max(f => f.At), point.Count(), point.Count(f => !f.Valid), series)
            {
                Judgement = judge?.Judge(valid),
            });
        }
        return summaries;
    }

    private static string ValuesKey(IReadOnlyDictionary<string, string> values) =>
        string.Join(';', values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key + "=" + v.Value));

    /// <summary>Gaps between consecutive periods: hours and days have fixed steps; the minute step is the smallest seen.</summary>
    public static IReadOnlyList<Gap> Gaps(string cn, IEnumerable<string> dataTimes)
    {
        var times = dataTimes.Select(t => Hj212Time.TryParseDataTime(t, out var at) ? at : (DateTime?)null).OfType<DateTime>().Distinct().Order().ToList();
        if (times.Count < 2)
            return [];
        var step = cn switch
        {
            Hj212Commands.HourlyData => TimeSpan.FromHours(1),
            Hj212Commands.DailyData or Hj212Commands.RunTimeData => TimeSpan.FromDays(1),
            _ => times.Zip(times.Skip(1), (a, b) => b - a).Min(),
        };
        var gaps = new List<Gap>();
        for (var i = 1; i < times.Count; i++)
        {
            var missing = (int)((times[i] - times[i - 1]).Ticks / step.Ticks) - 1;
            if (missing > 0)
                gaps.Add(new Gap(Hj212Time.DataTime(times[i - 1]), Hj212Time.DataTime(times[i]), missing));
        }
        return gaps;
    }
}
