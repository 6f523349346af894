using Microsoft.AspNetCore.Antiforgery;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Auth;
using SmartPark.Platform.Influx;

namespace SmartPark.Dashboard.Alerts;

/// <summary>The alerts view's API. Park sub-paths sit in a park route group (<see cref="ParkRoutes"/>);
/// lists and acknowledgements check the park of the alert itself (<see cref="AlertVisibility"/>).</summary>
public static class AlertEndpoints
{
    public sealed record AckRequest(string? Comment);

    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/alerts", (HttpContext context, AlertBook book, string? park, string? enterprise, string? kind, string? severity, string? state) =>
        {
            var filter = new AlertFilter(park, enterprise, kind, severity, state);
            return book.Open(a => context.User.CanSee(a) && filter.Matches(a));
        });

        app.MapGet("/api/alerts/recent", async (HttpContext context, AlertEventReader reader, TimeProvider time, int? hours,
            string? park, string? enterprise, string? kind, string? severity, string? state, CancellationToken cancellationToken) =>
        {
            var span = TimeSpan.FromHours(Math.Clamp(hours ?? 24, 1, 24 * 31));
            try
            {
                return Results.Ok(await reader.RecentAsync(context.User, time.GetUtcNow() - span, new AlertFilter(park, enterprise, kind, severity, state), cancellationToken));
            }
            catch (Exception ex) when (ex is InfluxException or HttpRequestException)
            {
                return Results.Problem($"alert history is unavailable: {ex.Message}", statusCode: 503);
            }
        });

        // The kinds of rule and their titles (the alerts view's kind filter): not park data.
        app.MapGet("/api/alerts/kinds", (ParkRuleSets rules) => rules.Kinds());

        app.MapGet("/api/bureau/exceedances", async (HttpContext context, AlertEventReader reader, AlertBook book, TimeProvider time, int? days, CancellationToken cancellationToken) =>
        {
            var from = time.GetUtcNow() - TimeSpan.FromDays(Math.Clamp(days ?? 30, 1, 366));
            try
            {
                var raised = await reader.RaisedForBureauAsync(context.User, from, cancellationToken);
                return Results.Ok(BureauSummary.Build(raised, book.Open(a => context.User.CanSee(a))));
            }
            catch (Exception ex) when (ex is InfluxException or HttpRequestException)
            {
                return Results.Problem($"alert history is unavailable: {ex.Message}", statusCode: 503);
            }
        });

        // The rules in force for an enterprise, with their limits and standards: the enterprise
        // charts' limit lines. Empty until Ingest has published the park's rule set.
        var inPark = app.MapParkApi();
        inPark.MapGet("/rules", (string park, string? enterprise, ParkRuleSets rules) =>
        {
            if (!Ids.IsValid(park) || (enterprise is not null && !Ids.IsValid(enterprise)))
                return Results.Problem("not a park or enterprise id", statusCode: 400);
            IReadOnlyList<RuleLimit> list = enterprise is null ? rules.Of(park)?.Rules ?? [] : rules.LimitsFor(park, enterprise);
            return Results.Ok(list);
        });

        inPark.MapGet("/alerts/{alertId}/timeline", async (HttpContext context, string park, string alertId, AlertEventReader reader, CancellationToken cancellationToken) =>
        {
            if (!Ids.IsValid(park) || !Ids.IsValid(alertId))
                return Results.Problem("not a park or alert id", statusCode: 400);
            try
            {
                return Results.Ok(await reader.TimelineAsync(context.User, park, alertId, cancellationToken));
            }
            catch (Exception ex) when (ex is InfluxException or HttpRequestException)
            {
                return Results.Problem($"alert history is unavailable: {ex.Message}", statusCode: 503);
            }
        });

        inPark.MapPost("/alerts/{alertId}/ack", async (HttpContext context, string park, string alertId, AckRequest request,
            AlertBook book, AlertAckPublisher publisher, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
        {
            // A JSON post carries the token in a header; a cross-site page cannot read it.
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Problem("missing or invalid anti-forgery token", statusCode: 400);
            // District and city officials watch a park's alerts; its own people acknowledge them.
            if (!context.User.MayAcknowledge())
                return Results.Problem("district and city officials and the safety authorities follow alerts; the park's operators acknowledge them", statusCode: 403);
            if (!Ids.IsValid(alertId) || !book.TryGet(park, alertId, out var alert) || !context.User.CanSee(alert))
                return Results.Problem($"no open alert '{alertId}' in park '{park}'", statusCode: 404);
            if (request.Comment is { Length: > 500 })
                return Results.Problem("the comment is longer than 500 characters", statusCode: 400);
            return await publisher.PublishAsync(context.User, park, alertId, request.Comment, cancellationToken)
                ? Results.Accepted()
                : Results.Problem("the broker is not reachable; try again", statusCode: 503);
        });
        return app;
    }
}
