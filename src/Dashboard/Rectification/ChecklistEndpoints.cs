using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using SmartPark.Dashboard.Supervision.Editing;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities.Rectification;
using SmartPark.ParkData.Rectification;

namespace SmartPark.Dashboard.Rectification;

/// <summary>
/// A park's inspection checklists and the inspections done against them, under
/// <c>/api/parks/{park}/rectification</c>: <c>GET/POST checklists</c>, <c>PUT checklists/{checklistId}</c>
/// (versioned: a stale edit gets 409), <c>GET/POST inspections</c>. An inspection with a failed item
/// raises one order per failed item (source <c>inspection</c>, the item's hazard, its text and note
/// as the description), in the same transaction; the page then uploads each item's photos to its order.
/// </summary>
public static class ChecklistEndpoints
{
    public static void MapChecklists(RouteGroupBuilder park)
    {
        park.MapGet("/checklists", ListAsync);
        park.MapPost("/checklists", CreateAsync);
        park.MapPut("/checklists/{checklistId:long}", UpdateAsync);
        park.MapGet("/inspections", InspectionsAsync);
        park.MapPost("/inspections", InspectAsync);
    }

    private static object View(InspectionChecklist c) => new { id = c.Id, nameZh = c.NameZh, nameEn = c.NameEn, items = ChecklistItems.Read(c.ItemsJson), version = c.Version };

    private static async Task<IResult> ListAsync(HttpContext http, string park, IDbContextFactory<ParkDbContext> factory, CancellationToken ct)
    {
        if (!http.User.CanReadOrders(park))
            return OrderEndpoints.Refused("the park's operators and its supervisors read its checklists");
        await using var db = await factory.CreateDbContextAsync(ct);
        var checklists = await db.InspectionChecklists.AsNoTracking().Where(c => c.ParkId == park).OrderBy(c => c.Id).ToListAsync(ct);
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => e.ParkId == park).OrderBy(e => e.Id)
            .Select(e => new { id = e.Id, nameZh = e.NameZh, nameEn = e.NameEn }).ToListAsync(ct);
        return Results.Ok(new
        {
            canManage = http.User.CanManageOrders(park),
            checklists = checklists.Select(View),
            enterprises,
            template = new { nameZh = DefaultChecklist.NameZh, nameEn = DefaultChecklist.NameEn, items = DefaultChecklist.Items },
        });
    }

    private static async Task<IResult> CreateAsync(HttpContext http, string park, ChecklistForm form, IDbContextFactory<ParkDbContext> factory, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: StatusCodes.Status400BadRequest);
        if (!http.User.CanManageOrders(park))
            return OrderEndpoints.Refused("the park's operators keep its checklists");
        if (form.Validate() is { Any: true } errors)
            return errors.ToResult();
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Parks.AnyAsync(p => p.Id == park, ct))
            return Results.Problem($"no park '{park}' in the park database", statusCode: StatusCodes.Status404NotFound);
        var checklist = new InspectionChecklist { ParkId = park, NameZh = form.NameZh!.Trim(), NameEn = RectificationService.Clean(form.NameEn), ItemsJson = ChecklistItems.Write(form.Items!) };
        db.InspectionChecklists.Add(checklist);
        db.Actor = ParkEditEndpoints.Actor(http.User);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/parks/{park}/rectification/checklists/{checklist.Id}", View(checklist));
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, string park, long checklistId, ChecklistForm form, IDbContextFactory<ParkDbContext> factory, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: StatusCodes.Status400BadRequest);
        if (!http.User.CanManageOrders(park))
            return OrderEndpoints.Refused("the park's operators keep its checklists");
        if (form.Validate() is { Any: true } errors)
            return errors.ToResult();
        await using var db = await factory.CreateDbContextAsync(ct);
        var checklist = await db.InspectionChecklists.FirstOrDefaultAsync(c => c.Id == checklistId && c.ParkId == park, ct);
        if (checklist is null)
            return Results.Problem($"no checklist {checklistId} in park '{park}'", statusCode: StatusCodes.Status404NotFound);
        // The version the form loaded is what the save checks: someone else's edit since then is a 409.
        db.Entry(checklist).Property(c => c.Version).OriginalValue = form.Version ?? -1;
        checklist.NameZh = form.NameZh!.Trim();
        checklist.NameEn = RectificationService.Clean(form.NameEn);
        checklist.ItemsJson = ChecklistItems.Write(form.Items!);
        db.Actor = ParkEditEndpoints.Actor(http.User);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Results.Problem("the checklist was changed meanwhile; reload it", statusCode: StatusCodes.Status409Conflict);
        }
        return Results.Ok(View(checklist));
    }

    private static async Task<IResult> InspectionsAsync(HttpContext http, string park, IDbContextFactory<ParkDbContext> factory, CancellationToken ct)
    {
        if (!http.User.CanReadOrders(park))
            return OrderEndpoints.Refused("the park's operators and its supervisors read its inspections");
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Inspections.AsNoTracking().Where(i => i.ParkId == park).OrderByDescending(i => i.At).ThenByDescending(i => i.Id).Take(50).ToListAsync(ct);
        return Results.Ok(rows.Select(i => new
        {
            id = i.Id,
            enterpriseId = i.EnterpriseId,
            checklistId = i.ChecklistId,
            at = DateTime.SpecifyKind(i.At, DateTimeKind.Utc),
            inspector = i.Inspector,
            note = i.Note,
            answers = ChecklistItems.ReadAnswers(i.AnswersJson),
        }));
    }

    private static async Task<IResult> InspectAsync(HttpContext http, string park, InspectionForm form, IDbContextFactory<ParkDbContext> factory,
        RectificationService service, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: StatusCodes.Status400BadRequest);
        if (!http.User.CanManageOrders(park))
            return OrderEndpoints.Refused("the park's operators inspect its enterprises");
        await using var db = await factory.CreateDbContextAsync(ct);
        var checklist = await db.InspectionChecklists.AsNoTracking().FirstOrDefaultAsync(c => c.Id == form.ChecklistId && c.ParkId == park, ct);
        if (checklist is null)
            return Results.Problem($"no checklist {form.ChecklistId} in park '{park}'", statusCode: StatusCodes.Status404NotFound);
        var items = ChecklistItems.Read(checklist.ItemsJson);
        var errors = form.Validate(items, service.Today);
        var enterprise = errors.Any ? null : await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.ParkId == park && e.Id == form.EnterpriseId, ct);
        if (!errors.Any && enterprise is null)
            errors.Add("enterpriseId", "unknown", $"park '{park}' has no enterprise '{form.EnterpriseId}'");
        if (errors.Any)
            return errors.ToResult();
        var actor = ParkEditEndpoints.Actor(http.User);
        var now = service.Now;
        var inspection = new Inspection { ParkId = park, EnterpriseId = enterprise!.Id, ChecklistId = checklist.Id, At = now, Inspector = actor, Note = RectificationService.Clean(form.Note) };
        db.Inspections.Add(inspection);
        db.Actor = actor;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // One order per failed item, raised from this inspection (its id is known now).
        var orders = new Dictionary<string, RectificationOrder>(StringComparer.Ordinal);
        foreach (var answer in form.Answers!.Where(a => a.Passed == false))
        {
            var item = items.First(i => i.Id == answer.Item);
            var description = RectificationService.Clean(answer.Note) is { } note ? $"{item.TextZh}：{note}" : item.TextZh;
            var order = new RectificationOrder
            {
                ParkId = park,
                EnterpriseId = enterprise.Id,
                Source = RectificationSources.Inspection,
                InspectionId = inspection.Id,
                Hazard = item.Hazard,
                Description = description.Length > 2000 ? description[..2000] : description,
                ResponsibleName = enterprise.ContactName,
                ResponsiblePhone = enterprise.ContactPhone,
                Deadline = form.Deadline!.Value,
                State = RectificationStates.Open,
                CreatedAt = now,
                CreatedBy = actor,
            };
            order.Steps.Add(new RectificationStep { Action = RectificationActions.Created, ToState = RectificationStates.Open, At = now, Actor = actor, Note = description });
            db.RectificationOrders.Add(order);
            orders[item.Id] = order;
        }
        if (orders.Count > 0)
            await db.SaveChangesAsync(ct);
        inspection.AnswersJson = ChecklistItems.WriteAnswers(form.Answers!.Select(a =>
            new InspectionAnswer(a.Item!, a.Passed!.Value, RectificationService.Clean(a.Note), orders.TryGetValue(a.Item!, out var o) ? o.Id : null)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Results.Created($"/api/parks/{park}/rectification/inspections/{inspection.Id}",
            new { id = inspection.Id, orders = orders.Select(o => new { item = o.Key, order = o.Value.Id }) });
    }
}
