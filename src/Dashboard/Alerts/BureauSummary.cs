using SmartPark.Contracts.Alerts;

namespace SmartPark.Dashboard.Alerts;

/// <summary>Exceedances of one rule at one enterprise over the period, as the bureau view lists them.</summary>
public sealed record Exceedance(
    string Park, string? Enterprise, string RuleId, string? Rule, string? Quantity, string? Unit, double? Limit, string? Source,
    int Raised, double? Worst, DateTimeOffset LastRaisedAt, bool OpenNow);

/// <summary>
/// Groups bureau alerts by enterprise and rule (and so pollutant and standard): how often the limit
/// was exceeded, the worst value, and whether one is open now. Open alerts that started before the
/// period still count, so a long exceedance is never missing from the list.
/// </summary>
public static class BureauSummary
{
    public static IReadOnlyList<Exceedance> Build(IEnumerable<AlertEventView> raised, IEnumerable<AlertDocument> open)
    {
        var openList = open.Where(a => a.Bureau).ToList();
        var rows = new Dictionary<(string Park, string? Enterprise, string Rule), Exceedance>();
        foreach (var e in raised)
        {
            var key = (e.Park, e.Enterprise, e.Rule);
            var worst = Max(e.Peak, e.Value);
            rows[key] = rows.TryGetValue(key, out var row)
                ? row with { Raised = row.Raised + 1, Worst = Max(row.Worst, worst), LastRaisedAt = e.At > row.LastRaisedAt ? e.At : row.LastRaisedAt, Quantity = row.Quantity ?? e.Quantity, Unit = row.Unit ?? e.Unit, Source = row.Source ?? e.Source, Limit = row.Limit ?? e.Limit }
                : new Exceedance(e.Park, e.Enterprise, e.Rule, null, e.Quantity, e.Unit, e.Limit, e.Source, 1, worst, e.At, false);
        }
        foreach (var a in openList)
        {
            var key = (a.Park, a.Enterprise, a.RuleId);
            var worst = Max(a.Peak, a.Value);
            rows[key] = rows.TryGetValue(key, out var row)
                ? row with { Rule = a.Rule, OpenNow = true, Worst = Max(row.Worst, worst), Quantity = a.Quantity ?? row.Quantity, Unit = a.Unit ?? row.Unit, Limit = a.Limit ?? row.Limit, Source = a.Source ?? row.Source }
                : new Exceedance(a.Park, a.Enterprise, a.RuleId, a.Rule, a.Quantity, a.Unit, a.Limit, a.Source, 1, worst, a.RaisedAt, true);
        }
        return rows.Values
            .OrderBy(r => r.Park, StringComparer.Ordinal)
            .ThenBy(r => r.Enterprise, StringComparer.Ordinal)
            .ThenBy(r => r.Quantity, StringComparer.Ordinal)
            .ThenBy(r => r.RuleId, StringComparer.Ordinal)
            .ToList();
    }

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
