using System.Net;
using System.Text;
using SmartPark.Hj212;

namespace SmartPark.BureauPlatform;

/// <summary>
/// The platform's small web side: <c>/</c> a page per monitoring point (latest values, gaps,
/// repeats, refreshed every 5 s), <c>/api/points</c> the same as JSON, <c>/api/points/{mn}/frames</c>
/// what was received, <c>POST /api/points/{mn}/commands</c> a command to the field unit, and
/// <c>POST /api/outage?seconds=N</c> to stop listening for a while (to watch the backlog arrive).
/// </summary>
public static class PlatformEndpoints
{
    public static void MapPlatform(this WebApplication app)
    {
        app.MapGet("/healthz", (PlatformServer server) => server.Listening ? Results.Ok("listening") : Results.Ok("not listening (outage)"));
        app.MapGet("/api/points", (FrameLog log, PlatformServer server, EmissionJudge judge) =>
            Results.Json(PointSummaries.Build(log.Snapshot(), server.ConnectedMns, judge), PlatformJsonContext.Default.IReadOnlyListPointSummary));
        app.MapGet("/api/points/{mn}/frames", (string mn, string? cn, FrameLog log) =>
            Results.Json((IReadOnlyList<ReceivedFrame>)log.Snapshot().Where(f => f.Mn == mn && (cn is null || f.Cn == cn)).ToList(), PlatformJsonContext.Default.IReadOnlyListReceivedFrame));
        app.MapGet("/api/frames/rejected", (FrameLog log) =>
            Results.Json((IReadOnlyList<ReceivedFrame>)log.Snapshot().Where(f => !f.Valid).ToList(), PlatformJsonContext.Default.IReadOnlyListReceivedFrame));
        app.MapPost("/api/points/{mn}/commands", async (string mn, CommandRequest request, PlatformServer server, CancellationToken cancellationToken) =>
        {
            if (request.Cn is not { Length: 4 } || !request.Cn.All(char.IsAsciiDigit))
                return Results.BadRequest("cn must be 4 digits");
            try
            {
                var result = await server.SendCommandAsync(mn, request.Cn, request.Cp, TimeSpan.FromSeconds(15), cancellationToken);
                return Results.Json(result, PlatformJsonContext.Default.CommandResult);
            }
            catch (InvalidOperationException ex)
            {
                return Results.NotFound(ex.Message);
            }
        });
        app.MapPost("/api/outage", async (int seconds, PlatformServer server) =>
        {
            await server.StopListeningAsync();
            _ = Task.Delay(TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 3600))).ContinueWith(_ => server.StartListening(), TaskScheduler.Default);
            return Results.Ok($"not listening for {seconds} s");
        });
        app.MapGet("/", (FrameLog log, PlatformServer server, EmissionJudge judge) => Results.Content(Page(PointSummaries.Build(log.Snapshot(), server.ConnectedMns, judge), server), "text/html; charset=utf-8"));
    }

    private static string Page(IReadOnlyList<PointSummary> points, PlatformServer server)
    {
        var html = new StringBuilder("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
            <title>Bureau platform (HJ 212 simulator)</title>
            <style>body{font:14px system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}.bad{color:#b00}.ok{color:#070}</style>
            </head><body>
            """);
        html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<h1>Bureau platform (HJ 212 simulator)</h1><p>TCP 127.0.0.1:{server.Port} — {(server.Listening ? "<span class=ok>listening</span>" : "<span class=bad>outage: not listening</span>")}</p>");
        if (points.Count == 0)
            html.Append("<p>Nothing received yet.</p>");
        foreach (var point in points)
        {
            html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<h2>MN {E(point.Mn)} <small class={(point.Connected ? "ok>connected" : "bad>disconnected")}</small></h2>");
            html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<p>{point.Frames} frames, <span class={(point.Rejected > 0 ? "bad" : "ok")}>{point.Rejected} rejected</span>, last at {point.LastFrameAt:u}</p>");
            html.Append("<table><tr><th>data</th><th>uploads</th><th>periods</th><th>resent</th><th>revised</th><th>duplicates</th><th>latest</th><th>values</th><th>gaps</th></tr>");
            foreach (var s in point.Series)
            {
                var values = s.LatestValues is null ? "" : string.Join(", ", s.LatestValues.Select(v => $"{v.Key}={v.Value}"));
                var gaps = s.Gaps.Count == 0 ? "none" : string.Join("<br>", s.Gaps.Select(g => $"{g.Missing} missing between {g.After} and {g.Before}"));
                html.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $"<tr><td>{s.Cn} {s.Name}</td><td>{s.Received}</td><td>{s.Periods}</td><td>{s.Resent}</td><td>{s.Revised}</td><td class={(s.Duplicates > 0 ? "bad" : "ok")}>{s.Duplicates}</td><td>{E(s.Latest ?? "")}</td><td>{E(values)}</td><td>{gaps}</td></tr>");
            }
            html.Append("</table>");
            if (point.Judgement is { } j)
            {
                var findings = j.Exceedances.Select(e => $"exceedance: {e.Field}={e.Value} above {e.Limit} ({e.Cn} {e.DataTime})")
                    .Concat(j.CouMismatches.Select(c => $"Cou mismatch: {c.Code}-Cou={c.Cou}, Avg × {c.FlowCode}-Cou gives {c.Expected} ({c.Cn} {c.DataTime})"))
                    .Concat(j.TreatmentStopped.Select(t => $"treatment {t.Facility} stopped while production {t.ProductionCode} drew {t.ProductionKw} kW ({t.DataTime})"))
                    .ToList();
                html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<p class={(findings.Count > 0 ? "bad" : "ok")}>{findings.Count} finding(s)</p>");
                if (findings.Count > 0)
                    html.Append("<ul>").Append(string.Concat(findings.Take(50).Select(f => $"<li>{E(f)}</li>"))).Append("</ul>");
            }
        }
        html.Append("</body></html>");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>One line per point for the console.</summary>
    public static IEnumerable<string> ConsoleLines(IReadOnlyList<PointSummary> points)
    {
        foreach (var point in points)
        {
            var series = string.Join("; ", point.Series.Select(s =>
                $"{s.Name} {s.Latest}{(s.Cn == Hj212Commands.RealTimeData && s.LatestValues is { } v ? " " + string.Join(",", v.Where(x => x.Key.EndsWith("-Rtd", StringComparison.Ordinal)).Select(x => $"{x.Key[..6]}={x.Value}")) : "")} ({s.Periods} periods, {s.Gaps.Sum(g => g.Missing)} missing, {s.Revised} revised, {s.Duplicates} dup)"));
            var judged = point.Judgement is { } j && j.Exceedances.Count + j.CouMismatches.Count + j.TreatmentStopped.Count > 0
                ? $"; {j.Exceedances.Count} exceedance(s), {j.CouMismatches.Count} Cou mismatch(es), {j.TreatmentStopped.Count} treatment stop(s) during production"
                : "";
            yield return $"MN {point.Mn} {(point.Connected ? "connected" : "disconnected")}: {series}{(point.Rejected > 0 ? $"; {point.Rejected} frames rejected" : "")}{judged}";
        }
    }
}
