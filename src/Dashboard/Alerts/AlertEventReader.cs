using System.Security.Claims;
using System.Text.Json;
using SmartPark.Dashboard.Auth;
using SmartPark.Platform.Influx;

namespace SmartPark.Dashboard.Alerts;

/// <summary>Alert transitions from InfluxDB's <c>alert_event</c>: recent ones, and one alert's timeline.</summary>
public sealed class AlertEventReader(InfluxV1Client influx)
{
    public const int MaxEvents = 2000;

    /// <summary>Transitions since <paramref name="from"/> the user may see, newest first.</summary>
    public Task<IReadOnlyList<AlertEventView>> RecentAsync(ClaimsPrincipal user, DateTimeOffset from, AlertFilter filter, CancellationToken cancellationToken)
    {
        var where = new List<string> { $"time >= {InfluxQl.Time(from)}", "state != 'reminder'" };
        AddVisibility(user, where);
        AddTag(where, "park", filter.Park);
        AddTag(where, "enterprise", filter.Enterprise);
        AddTag(where, "kind", filter.Kind);
        AddTag(where, "severity", filter.Severity);
        AddTag(where, "state", filter.State);
        return QueryAsync($"SELECT * FROM alert_event WHERE {string.Join(" AND ", where)} ORDER BY time DESC LIMIT {MaxEvents}", cancellationToken);
    }

    /// <summary>Bureau alerts raised since <paramref name="from"/> in the user's parks (every park for an admin).</summary>
    public Task<IReadOnlyList<AlertEventView>> RaisedForBureauAsync(ClaimsPrincipal user, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var where = new List<string> { $"time >= {InfluxQl.Time(from)}", "state = 'active'", "bureau = true" };
        AddVisibility(user, where);
        return QueryAsync($"SELECT * FROM alert_event WHERE {string.Join(" AND ", where)} ORDER BY time DESC LIMIT {MaxEvents}", cancellationToken);
    }

    /// <summary>Every transition of one alert, oldest first.</summary>
    public Task<IReadOnlyList<AlertEventView>> TimelineAsync(ClaimsPrincipal user, string park, string alertId, CancellationToken cancellationToken)
    {
        var where = new List<string> { $"park = {InfluxQl.String(park)}", $"alert_id = {InfluxQl.String(alertId)}" };
        AddVisibility(user, where);
        return QueryAsync($"SELECT * FROM alert_event WHERE {string.Join(" AND ", where)} ORDER BY time ASC LIMIT {MaxEvents}", cancellationToken);
    }

    private static void AddVisibility(ClaimsPrincipal user, List<string> where)
    {
        if (user.Parks() is { } parks)
            where.Add(parks.Count == 0 ? "park = ''" : "(" + string.Join(" OR ", parks.Select(p => $"park = {InfluxQl.String(p)}")) + ")");
        if (user.IsInRole(DashboardRoles.Bureau))
            where.Add("bureau = true");
        if (user.IsInRole(DashboardRoles.Safety))
            where.Add("safety = true");
    }

    private static void AddTag(List<string> where, string tag, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            where.Add($"{InfluxQl.Identifier(tag)} = {InfluxQl.String(value)}");
    }

    private async Task<IReadOnlyList<AlertEventView>> QueryAsync(string query, CancellationToken cancellationToken)
    {
        var response = await influx.QueryAsync(query, cancellationToken);
        var events = new List<AlertEventView>();
        foreach (var series in response.Results.SelectMany(r => r.Series ?? []))
        {
            string? Text(IReadOnlyList<JsonElement> row, string column) =>
                series.ColumnIndexOrNone(column) is var i and >= 0 && row[i].ValueKind == JsonValueKind.String ? row[i].GetString() : null;
            double? Number(IReadOnlyList<JsonElement> row, string column) =>
                series.ColumnIndexOrNone(column) is var i and >= 0 && row[i].ValueKind == JsonValueKind.Number ? row[i].GetDouble() : null;
            bool Flag(IReadOnlyList<JsonElement> row, string column) =>
                series.ColumnIndexOrNone(column) is var i and >= 0 && row[i].ValueKind == JsonValueKind.True;
            var time = series.ColumnIndex("time");
            foreach (var row in series.Values)
            {
                events.Add(new AlertEventView(
                    DateTimeOffset.FromUnixTimeMilliseconds(row[time].GetInt64()),
                    Text(row, "alert_id") ?? "",
                    Text(row, "state") ?? "",
                    Text(row, "from"),
                    (long)(Number(row, "seq") ?? 0),
                    Text(row, "by"),
                    Text(row, "comment"),
                    Number(row, "value"),
                    Number(row, "limit"),
                    Text(row, "park") ?? "",
                    Text(row, "enterprise"),
                    Text(row, "device"),
                    Text(row, "sensor"),
                    Text(row, "rule") ?? "",
                    Text(row, "kind") ?? "",
                    Text(row, "severity") ?? "",
                    Flag(row, "bureau"),
                    Number(row, "peak"),
                    Text(row, "quantity"),
                    Text(row, "unit"),
                    Text(row, "source")));
            }
        }
        return events;
    }
}
