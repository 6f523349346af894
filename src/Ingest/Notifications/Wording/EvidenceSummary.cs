using System.Globalization;
using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Notifications.Wording;

/// <summary>One evidence curve in a line of a duty group's message: a chat shows no chart, so the
/// latest value and the range over the curve's span stand in for it.</summary>
public sealed record EvidenceSummary(string Latest, string Min, string Max, long Minutes)
{
    public static EvidenceSummary? Of(EvidenceCurve curve)
    {
        if (curve.Points.Count == 0)
            return null;
        var values = curve.Points.Select(p => p.Value).ToList();
        var minutes = (curve.Points[^1].UnixMs - curve.Points[0].UnixMs) / 60_000 + 1;
        return new(Number(values[^1]), Number(values.Min()), Number(values.Max()), minutes);
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
