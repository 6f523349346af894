using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using SmartPark.Contracts.Quantities;
using SmartPark.Dashboard.Supervision.Editing;
using SmartPark.ParkData;
using SmartPark.ParkData.RegistryFile;

namespace SmartPark.Dashboard.Efficiency.Inputs;

/// <summary>
/// Recorded meter swaps, so consumption across a swap is the two registers' difference rather
/// than a reset: <c>GET /api/efficiency/parks/{park}/meters</c> (the park's devices with counting
/// sensors), <c>GET/POST /api/efficiency/parks/{park}/devices/{device}/meter-replacements</c> and
/// <c>DELETE …/meter-replacements/{replacementId}</c> for one recorded by mistake. Anyone who sees
/// the park reads them; its operators and its district's officials record and delete
/// (<see cref="EfficiencyInputsAccess.CanRecordReplacement"/>). A replacement is a registry row:
/// saving one advances the registry revision, so Ingest reloads it and recomputes the consumption.
/// </summary>
public static class MeterReplacementEndpoints
{
    public static void MapMeterReplacements(RouteGroupBuilder park)
    {
        park.MapGet("/meters", MetersAsync);
        park.MapGet("/devices/{device}/meter-replacements", ListAsync);
        park.MapPost("/devices/{device}/meter-replacements", RecordAsync);
        park.MapDelete("/devices/{device}/meter-replacements/{replacementId:long}", DeleteAsync);
    }

    private static async Task<IResult> MetersAsync(HttpContext http, string park, IDbContextFactory<ParkDbContext> factory, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var owner = await db.Parks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == park, ct);
        if (owner is null)
            return Results.Problem($"no park '{park}' in the park database", statusCode: StatusCodes.Status404NotFound);
        var devices = await db.Devices.AsNoTracking().Where(d => d.ParkId == park).OrderBy(d => d.Id).ToListAsync(ct);
        var meters = devices
            .Select(d => new
            {
                deviceId = d.Id,
                enterpriseId = d.EnterpriseId,
                sensors = RowJson.ReadSensors(d.SensorsJson)
                    .Select(s => new { id = s.Id, quantities = s.Quantities.Where(IsCounter).ToList() })
                    .Where(s => s.quantities.Count > 0).ToList(),
            })
            .Where(d => d.sensors.Count > 0).ToList();
        return Results.Ok(new { park = new { id = owner.Id, nameZh = owner.NameZh, nameEn = owner.NameEn }, canRecord = http.User.CanRecordReplacement(owner), meters });
    }

    private static bool IsCounter(string quantity) => QuantityCatalogue.TryGet(quantity, out var q) && q.IsCounter;

    private static async Task<IResult> ListAsync(string park, string device, IDbContextFactory<ParkDbContext> factory, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Devices.AnyAsync(d => d.Id == device && d.ParkId == park, ct))
            return Results.Problem($"no device '{device}' in park '{park}'", statusCode: StatusCodes.Status404NotFound);
        var rows = await db.MeterReplacements.AsNoTracking().Where(r => r.DeviceId == device && r.ParkId == park)
            .OrderByDescending(r => r.ReplacedAt).ThenByDescending(r => r.Id).ToListAsync(ct);
        return Results.Ok(rows.Select(MeterReplacementView.Of));
    }

    private static async Task<IResult> RecordAsync(HttpContext http, string park, string device, MeterReplacementForm form,
        IDbContextFactory<ParkDbContext> factory, IAntiforgery antiforgery, TimeProvider clock, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: StatusCodes.Status400BadRequest);
        await using var db = await factory.CreateDbContextAsync(ct);
        var owner = await db.Parks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == park, ct);
        var row = await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.Id == device && d.ParkId == park, ct);
        if (owner is null || row is null)
            return Results.Problem($"no device '{device}' in park '{park}'", statusCode: StatusCodes.Status404NotFound);
        if (!http.User.CanRecordReplacement(owner))
            return Results.Problem("the park's operators and its district's officials record meter replacements", statusCode: StatusCodes.Status403Forbidden);
        var errors = form.Validate(row, clock);
        if (!errors.Any)
        {
            var at = form.ReplacedAt!.Value.UtcDateTime;
            if (await db.MeterReplacements.AnyAsync(r => r.DeviceId == device && r.SensorId == form.SensorId && r.Quantity == form.Quantity && r.ReplacedAt == at, ct))
                errors.Add("replacedAt", "duplicate", "this replacement is recorded already");
        }
        if (errors.Any)
            return errors.ToResult();
        var replacement = form.ToRow(row);
        db.MeterReplacements.Add(replacement);
        db.Actor = ParkEditEndpoints.Actor(http.User);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/efficiency/parks/{park}/devices/{device}/meter-replacements/{replacement.Id}", MeterReplacementView.Of(replacement));
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, string park, string device, long replacementId,
        IDbContextFactory<ParkDbContext> factory, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: StatusCodes.Status400BadRequest);
        await using var db = await factory.CreateDbContextAsync(ct);
        var owner = await db.Parks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == park, ct);
        // The row must be this park's and this device's: an id from another park is not found here.
        var row = await db.MeterReplacements.FirstOrDefaultAsync(r => r.Id == replacementId && r.DeviceId == device && r.ParkId == park, ct);
        if (owner is null || row is null)
            return Results.Problem($"no replacement {replacementId} on device '{device}' in park '{park}'", statusCode: StatusCodes.Status404NotFound);
        if (!http.User.CanRecordReplacement(owner))
            return Results.Problem("the park's operators and its district's officials delete meter replacements", statusCode: StatusCodes.Status403Forbidden);
        db.MeterReplacements.Remove(row);
        db.Actor = ParkEditEndpoints.Actor(http.User);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Results.Problem("the replacement was changed or deleted meanwhile", statusCode: StatusCodes.Status409Conflict);
        }
        return Results.NoContent();
    }
}
