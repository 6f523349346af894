using System.Net.Http.Headers;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using SmartPark.Dashboard.Alerts;
using SmartPark.Dashboard.Supervision.Editing;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities.Rectification;
using SmartPark.ParkData.Rectification;

namespace SmartPark.Dashboard.Rectification;

/// <summary>
/// A park's rectification orders under <c>/api/parks/{park}/rectification</c> (the group refuses a
/// park the user may not see): the list with filters, one order with its history and files, a new
/// order (from an alert or by hand), a step (reply recorded for the enterprise, verify, reject,
/// close) with photos, an order's files, and the enterprise's reply link. Reading is
/// <see cref="RectificationAccess.CanReadOrders"/>, writing <see cref="RectificationAccess.CanManageOrders"/>,
/// both on the park the order belongs to: an order id of another park is not found here.
/// </summary>
public static class OrderEndpoints
{
    public static void MapOrders(RouteGroupBuilder park)
    {
        park.MapGet("/orders", ListAsync);
        park.MapPost("/orders", CreateAsync);
        park.MapGet("/orders/{orderId:long}", GetAsync);
        park.MapPost("/orders/{orderId:long}/steps", StepAsync);
        park.MapGet("/orders/{orderId:long}/evidence/{evidenceId:long}", EvidenceAsync);
        park.MapPost("/orders/{orderId:long}/reply-link", ReplyLinks.IssueAsync);
    }

    internal static IResult Refused(string what) => Results.Problem(what, statusCode: StatusCodes.Status403Forbidden);

    internal static IResult NotFound(string park, long id) => Results.Problem($"no order {id} in park '{park}'", statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> ListAsync(HttpContext http, string park, string? state, bool? overdue, string? enterprise,
        IDbContextFactory<ParkDbContext> factory, RectificationService service, CancellationToken ct)
    {
        if (!http.User.CanReadOrders(park))
            return Refused("the park's operators, its district's and city's officials and the safety authorities read its orders");
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Parks.AnyAsync(p => p.Id == park, ct))
            return Results.Problem($"no park '{park}' in the park database", statusCode: StatusCodes.Status404NotFound);
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => e.ParkId == park).OrderBy(e => e.Id)
            .Select(e => new { id = e.Id, nameZh = e.NameZh, nameEn = e.NameEn, contactName = e.ContactName, contactPhone = e.ContactPhone })
            .ToListAsync(ct);
        var names = enterprises.ToDictionary(e => e.id, e => (e.nameZh, (string?)e.nameEn));
        var query = db.RectificationOrders.AsNoTracking().Where(o => o.ParkId == park);
        if (!string.IsNullOrEmpty(state))
            query = query.Where(o => o.State == state);
        if (!string.IsNullOrEmpty(enterprise))
            query = query.Where(o => o.EnterpriseId == enterprise);
        var today = service.Today;
        var orders = (await query.ToListAsync(ct))
            .Select(o => OrderSummary.Of(o, today, names.TryGetValue(o.EnterpriseId, out var n) ? n : null))
            .Where(o => overdue is not { } wanted || o.Overdue == wanted)
            .OrderByDescending(o => o.Overdue).ThenBy(o => o.State == RectificationStates.Closed).ThenBy(o => o.Deadline).ThenBy(o => o.Id)
            .ToList();
        return Results.Ok(new { park, today, canManage = http.User.CanManageOrders(park), enterprises, hazards = HazardCategories.All, states = RectificationStates.All, orders });
    }

    private static async Task<IResult> CreateAsync(HttpContext http, string park, OrderForm form, IDbContextFactory<ParkDbContext> factory,
        RectificationService service, AlertBook alerts, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: StatusCodes.Status400BadRequest);
        if (!http.User.CanManageOrders(park))
            return Refused("the park's operators issue its orders");
        var errors = form.Validate(service.Today);
        await using var db = await factory.CreateDbContextAsync(ct);
        var enterprise = errors.Any ? null : await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.ParkId == park && e.Id == form.EnterpriseId, ct);
        if (!errors.Any && enterprise is null)
            errors.Add("enterpriseId", "unknown", $"park '{park}' has no enterprise '{form.EnterpriseId}'");
        // An open alert the Dashboard holds must be this park's: an order cannot borrow another park's alert.
        if (!errors.Any && form.Source == RectificationSources.Alert && alerts.Open(a => a.AlertId == form.AlertId && a.Park != park).Count > 0)
            errors.Add("alertId", "other_park", "the alert is another park's");
        if (errors.Any)
            return errors.ToResult();
        var actor = ParkEditEndpoints.Actor(http.User);
        var order = new RectificationOrder
        {
            ParkId = park,
            EnterpriseId = enterprise!.Id,
            Source = form.Source ?? RectificationSources.Manual,
            AlertId = form.Source == RectificationSources.Alert ? form.AlertId : null,
            Hazard = form.Hazard!,
            Description = form.Description!.Trim(),
            ResponsibleName = RectificationService.Clean(form.ResponsibleName) ?? enterprise.ContactName,
            ResponsiblePhone = RectificationService.Clean(form.ResponsiblePhone) ?? enterprise.ContactPhone,
            Deadline = form.Deadline!.Value,
            State = RectificationStates.Open,
            CreatedAt = service.Now,
            CreatedBy = actor,
        };
        order.Steps.Add(new RectificationStep { Action = RectificationActions.Created, ToState = RectificationStates.Open, At = service.Now, Actor = actor, Note = order.Description });
        db.RectificationOrders.Add(order);
        db.Actor = actor;
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/parks/{park}/rectification/orders/{order.Id}", OrderSummary.Of(order, service.Today, (enterprise.NameZh, enterprise.NameEn)));
    }

    private static async Task<IResult> GetAsync(HttpContext http, string park, long orderId, IDbContextFactory<ParkDbContext> factory, RectificationService service, CancellationToken ct)
    {
        if (!http.User.CanReadOrders(park))
            return Refused("the park's operators, its district's and city's officials and the safety authorities read its orders");
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await RectificationService.FindAsync(db, park, orderId, ct);
        if (order is null)
            return NotFound(park, orderId);
        return Results.Ok(await DetailAsync(db, order, http.User.CanManageOrders(park), service, ct));
    }

    internal static async Task<OrderDetail> DetailAsync(ParkDbContext db, RectificationOrder order, bool canManage, RectificationService service, CancellationToken ct)
    {
        var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.ParkId == order.ParkId && e.Id == order.EnterpriseId)
            .Select(e => new { e.NameZh, e.NameEn }).FirstOrDefaultAsync(ct);
        var evidence = order.Evidence.OrderBy(e => e.Id).Select(EvidenceViews.Of).ToList();
        var history = order.Steps.OrderBy(s => s.At).ThenBy(s => s.Id)
            .Select(s => new StepView(s.Id, s.Action, s.FromState, s.ToState, OrderSummary.Utc(s.At), s.Actor, s.Note, [.. evidence.Where(e => e.StepId == s.Id)]))
            .ToList();
        var linkValid = order.ReplyTokenExpiresAt is { } expires && expires > service.Now ? OrderSummary.Utc(expires) : (DateTime?)null;
        return new OrderDetail(OrderSummary.Of(order, service.Today, enterprise is null ? null : (enterprise.NameZh, enterprise.NameEn)), order.ResponsiblePhone,
            history, evidence, canManage, canManage ? RectificationStateMachine.Moves(order.State) : [], linkValid);
    }

    /// <summary>A step with its files, as multipart: <c>action</c>, <c>note</c>, <c>version</c> (the order's version the page holds), files.</summary>
    private static async Task<IResult> StepAsync(HttpContext http, string park, long orderId, IDbContextFactory<ParkDbContext> factory,
        RectificationService service, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!http.User.CanManageOrders(park))
            return Refused("the park's operators verify, reject and close its orders");
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: StatusCodes.Status400BadRequest);
        var (upload, refusal) = await UploadForms.ReadAsync(http, service.Options, ct);
        if (refusal is not null)
            return refusal;
        var action = upload!.Fields["action"].ToString();
        if (!RectificationActions.All.Contains(action) || action is RectificationActions.Created or RectificationActions.LinkIssued)
            return Results.Problem($"'{action}' is not a step an operator takes", statusCode: StatusCodes.Status400BadRequest);
        if (action == RectificationActions.EvidenceAdded && upload.Files.Count == 0)
            return Results.Problem("adding evidence needs a file", statusCode: StatusCodes.Status400BadRequest);
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.RectificationOrders.Include(o => o.Steps).Include(o => o.Evidence).AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == orderId && o.ParkId == park, ct);
        if (order is null)
            return NotFound(park, orderId);
        if (long.TryParse(upload.Fields["version"], out var version) && version != order.Version)
            return Results.Problem("the order was changed meanwhile; reload it", statusCode: StatusCodes.Status409Conflict);
        var (stored, refusals) = await service.StoreAsync(upload.Files, ct);
        if (stored is null)
            return UploadForms.Refused(refusals);
        var actor = ParkEditEndpoints.Actor(http.User);
        if (service.Apply(db, order, action, actor, upload.Fields["note"], [.. stored.Zip(upload.Files, (s, f) => (s, f.Name))]) is { } why)
            return Results.Problem(why, statusCode: StatusCodes.Status409Conflict);
        db.Actor = actor;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Results.Problem("the order was changed meanwhile; reload it", statusCode: StatusCodes.Status409Conflict);
        }
        return Results.Ok(await DetailAsync(db, order, true, service, ct));
    }

    /// <summary>
    /// One evidence file, to whoever may read its order: its checked type, never sniffed
    /// (<c>nosniff</c>), a name of our own (<c>evidence-12.jpg</c>), images inline (thumbnails) and
    /// PDFs as attachments, and a sandboxing CSP so that even a file opened directly runs nothing.
    /// </summary>
    private static async Task<IResult> EvidenceAsync(HttpContext http, string park, long orderId, long evidenceId, IDbContextFactory<ParkDbContext> factory,
        RectificationService service, CancellationToken ct)
    {
        if (!http.User.CanReadOrders(park))
            return Refused("the park's operators, its district's and city's officials and the safety authorities read its orders");
        await using var db = await factory.CreateDbContextAsync(ct);
        var evidence = await db.RectificationEvidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == evidenceId && e.OrderId == orderId && e.ParkId == park, ct);
        if (evidence is null || EvidenceStore.KindOf(evidence.ContentType) is not { } kind || service.Store.PathOf(evidence.Sha256, kind) is not { } path || !File.Exists(path))
            return Results.Problem($"no file {evidenceId} on order {orderId}", statusCode: StatusCodes.Status404NotFound);
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.CacheControl = "private, max-age=3600";
        var disposition = new ContentDispositionHeaderValue(kind.IsImage ? "inline" : "attachment") { FileName = $"evidence-{evidence.Id}{kind.Extension}" };
        headers.ContentDisposition = disposition.ToString();
        return Results.File(path, kind.ContentType);
    }
}
