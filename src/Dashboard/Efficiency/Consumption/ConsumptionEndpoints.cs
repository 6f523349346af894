using SmartPark.Contracts.Consumption;
using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Auth;
using SmartPark.Efficiency.StandardCoal;
using SmartPark.Platform.Influx;

namespace SmartPark.Dashboard.Efficiency.Consumption;

/// <summary>Today's energy of a park's enterprises (the overview tiles) and an enterprise's consumption history (its page's chart).</summary>
public static class ConsumptionEndpoints
{
    /// <summary>Days in the enterprise page's daily chart, today included.</summary>
    public const int DailyChartDays = 30;

    /// <summary>
    /// <c>GET /api/parks/{park}/energy/today</c>: per enterprise, the electricity since China
    /// Standard Time midnight (kWh) and the standard coal of all its metered energy (electricity,
    /// gas, steam; kgce). Read from the stored quarter hours on the page's demand (a tile refresh
    /// every few minutes), never per reading.
    /// <c>GET /api/parks/{park}/enterprises/{enterprise}/consumption?period=day|month</c>: each
    /// metered counting quantity's consumption per CST day over the last 30 days, or per month of
    /// this year, with its kgce. Both behind the park route group's access check; the enterprise
    /// must be the park's (<see cref="ParkEnterprises"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapConsumption(this IEndpointRouteBuilder app)
    {
        var inPark = app.MapParkApi();
        inPark.MapGet("/energy/today", async (string park, ConsumptionReader reader, StandardCoalConverter coal, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (!Ids.IsValid(park))
                return Results.Problem($"'{park}' is not a park id", statusCode: StatusCodes.Status400BadRequest);
            var now = time.GetUtcNow();
            var from = ConsumptionSeries.PeriodStart(ConsumptionSeries.Day, now);
            var to = ConsumptionSeries.PeriodEnd(ConsumptionSeries.QuarterHour, ConsumptionSeries.PeriodStart(ConsumptionSeries.QuarterHour, now));
            try
            {
                var today = new Dictionary<string, EnterpriseEnergyToday>(StringComparer.Ordinal);
                foreach (var quantity in QuantityCatalogue.Counters.Where(q => coal.Coefficient(q) is not null))
                {
                    foreach (var total in await reader.TotalsAsync([park], quantity, from, to, cancellationToken))
                    {
                        var entry = today.GetValueOrDefault(total.Enterprise) ?? new EnterpriseEnergyToday(total.Enterprise, null, 0, null, []);
                        today[total.Enterprise] = entry with
                        {
                            Kwh = quantity == QuantityCatalogue.Energy ? total.Use : entry.Kwh,
                            Coverage = quantity == QuantityCatalogue.Energy ? total.Coverage : entry.Coverage,
                            Kgce = entry.Kgce + coal.ToKgce(quantity, total.Use),
                            Flags = [.. entry.Flags.Union(total.Flags, StringComparer.Ordinal)],
                        };
                    }
                }
                return Results.Ok(new ParkEnergyToday(park, DateOnly.FromDateTime(from.ToOffset(ConsumptionSeries.CalendarOffset).DateTime), from, to,
                    [.. today.Values.OrderBy(e => e.Enterprise, StringComparer.Ordinal)]));
            }
            catch (Exception ex) when (ex is InfluxException or HttpRequestException)
            {
                return Results.Problem($"consumption is unavailable: {ex.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });

        inPark.MapGet("/enterprises/{enterprise}/consumption", async (
            string park, string enterprise, string? period, ParkEnterprises enterprises, ConsumptionReader reader, StandardCoalConverter coal, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (!Ids.IsValid(park) || !Ids.IsValid(enterprise))
                return Results.Problem("not a park or enterprise id", statusCode: StatusCodes.Status400BadRequest);
            if (period is not (null or "day" or "month"))
                return Results.Problem("period is day or month", statusCode: StatusCodes.Status400BadRequest);
            if (!await enterprises.HoldsAsync(park, enterprise, cancellationToken))
                return Results.Problem($"park '{park}' has no enterprise '{enterprise}'", statusCode: StatusCodes.Status404NotFound);
            var now = time.GetUtcNow();
            var (stored, from, to) = period == "month"
                ? (ConsumptionSeries.Month, ConsumptionSeries.PeriodStart(ConsumptionSeries.Year, now), ConsumptionSeries.PeriodEnd(ConsumptionSeries.Year, ConsumptionSeries.PeriodStart(ConsumptionSeries.Year, now)))
                : (ConsumptionSeries.Day, ConsumptionSeries.PeriodStart(ConsumptionSeries.Day, now).AddDays(1 - DailyChartDays), ConsumptionSeries.PeriodEnd(ConsumptionSeries.Day, ConsumptionSeries.PeriodStart(ConsumptionSeries.Day, now)));
            try
            {
                var quantities = new List<QuantityConsumption>();
                foreach (var quantity in QuantityCatalogue.Counters)
                {
                    var points = await reader.SeriesAsync(park, enterprise, quantity, stored, from, to, cancellationToken);
                    if (points.Count == 0)
                        continue; // not metered here: no empty chart
                    quantities.Add(new QuantityConsumption(quantity.Name, quantity.Unit, coal.Coefficient(quantity),
                        [.. points.Select(p => new ConsumptionBar(p.Start, p.Use, coal.Coefficient(quantity) is null ? null : coal.ToKgce(quantity, p.Use), p.Coverage, p.Flags))]));
                }
                return Results.Ok(new EnterpriseConsumption(park, enterprise, stored.Suffix, from, to, quantities));
            }
            catch (Exception ex) when (ex is InfluxException or HttpRequestException)
            {
                return Results.Problem($"consumption is unavailable: {ex.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return app;
    }
}

/// <summary>An enterprise's energy since CST midnight: electricity (null when it has no reporting meter) and the kgce of all its energy.</summary>
public sealed record EnterpriseEnergyToday(string Enterprise, double? Kwh, double Kgce, double? Coverage, IReadOnlyList<string> Flags);

/// <summary>A park's energy today, <see cref="From"/> (CST midnight) to <see cref="To"/> (the end of the current quarter hour).</summary>
public sealed record ParkEnergyToday(string Park, DateOnly Day, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<EnterpriseEnergyToday> Enterprises);

/// <summary>One period's bar: the use in the quantity's unit and its kgce (null for water).</summary>
public sealed record ConsumptionBar(DateTimeOffset Start, double Use, double? Kgce, double Coverage, IReadOnlyList<string> Flags);

public sealed record QuantityConsumption(string Quantity, string Unit, double? KgcePerUnit, IReadOnlyList<ConsumptionBar> Points);

/// <summary>An enterprise's metered consumption per <see cref="Period"/> (<c>1d</c> or <c>1mo</c>) over [<see cref="From"/>, <see cref="To"/>).</summary>
public sealed record EnterpriseConsumption(string Park, string Enterprise, string Period, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<QuantityConsumption> Quantities);
