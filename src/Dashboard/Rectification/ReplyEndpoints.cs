using Microsoft.EntityFrameworkCore;
using SmartPark.Dashboard.Auth;
using SmartPark.ParkData;
using SmartPark.ParkData.Rectification;

namespace SmartPark.Dashboard.Rectification;

/// <summary>
/// What an enterprise reaches with its reply link, without an account: the page <c>/reply</c>,
/// <c>GET /api/reply</c> (its one order: what, where, by when, its state and what it has sent) and
/// <c>POST /api/reply</c> (the reply: a note and photos, allowed only while the order is open).
/// The token comes in the <see cref="ReplyLinks.TokenHeader"/> header: it is the whole authority,
/// and it scopes every read and write to its order, so no park or order id is taken from the
/// request. No anti-forgery token: a browser never adds the header by itself, so another site
/// cannot make a visitor's browser reply. Every request counts against its client address
/// (<see cref="RectificationOptions.ReplyRequestsPerAddress"/>; over it 429 with Retry-After), so
/// guessing is hopeless on top of 256 bits, and an invalid, expired or replaced link answers the
/// same 404 as a token that never existed.
/// </summary>
public static class ReplyEndpoints
{
    public static void MapReply(IEndpointRouteBuilder app)
    {
        app.MapGet("/reply", (IWebHostEnvironment env) =>
            Results.File(Path.Combine(env.WebRootPath, "rectification", "reply.html"), "text/html; charset=utf-8")).AllowAnonymous();
        app.MapGet("/rectification/reply.js", (IWebHostEnvironment env) =>
            Results.File(Path.Combine(env.WebRootPath, "rectification", "reply.js"), "text/javascript; charset=utf-8")).AllowAnonymous();
        app.MapGet("/rectification/reply.css", (IWebHostEnvironment env) =>
            Results.File(Path.Combine(env.WebRootPath, "rectification", "reply.css"), "text/css; charset=utf-8")).AllowAnonymous();
        app.MapGet("/api/reply", ReadAsync).AllowAnonymous();
        app.MapPost("/api/reply", ReplyAsync).AllowAnonymous();
    }

    private static IResult? Limited(HttpContext http, ReplyRateLimit limit)
    {
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "?";
        if (limit.Limiter.TryAcquire(address, out var retry))
            return null;
        http.Response.Headers.RetryAfter = Math.Ceiling(retry.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem("too many requests; try again later", statusCode: StatusCodes.Status429TooManyRequests);
    }

    private static IResult Invalid() => Results.Problem("this link is not valid (expired, replaced, or the order is closed)", statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> ReadAsync(HttpContext http, IDbContextFactory<ParkDbContext> factory, RectificationService service, ReplyRateLimit limit, CancellationToken ct)
    {
        if (Limited(http, limit) is { } refused)
            return refused;
        http.Response.Headers.CacheControl = "no-store";
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await ReplyLinks.ResolveAsync(db, http.Request.Headers[ReplyLinks.TokenHeader], service.Now, track: false, ct);
        if (order is null)
            return Invalid();
        var park = await db.Parks.AsNoTracking().Where(p => p.Id == order.ParkId).Select(p => new { p.NameZh, p.NameEn }).FirstAsync(ct);
        var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.ParkId == order.ParkId && e.Id == order.EnterpriseId).Select(e => new { e.NameZh, e.NameEn }).FirstAsync(ct);
        // What the enterprise needs to answer, and its own replies; not the operator's internal notes or who in the park did what.
        var replies = await db.RectificationSteps.AsNoTracking().Where(s => s.OrderId == order.Id && (s.Action == RectificationActions.Replied || s.Action == RectificationActions.Rejected))
            .OrderBy(s => s.At).Select(s => new { s.Action, s.At, s.Note }).ToListAsync(ct);
        var files = await db.RectificationEvidence.CountAsync(e => e.OrderId == order.Id && e.Step != null && e.Step.Action == RectificationActions.Replied, ct);
        var today = service.Today;
        return Results.Ok(new
        {
            parkNameZh = park.NameZh,
            parkNameEn = park.NameEn,
            enterpriseNameZh = enterprise.NameZh,
            enterpriseNameEn = enterprise.NameEn,
            hazard = order.Hazard,
            description = order.Description,
            deadline = order.Deadline,
            overdue = order.IsOverdue(today),
            daysLeft = order.Deadline.DayNumber - today.DayNumber,
            state = order.State,
            canReply = order.State == RectificationStates.Open,
            responsibleName = order.ResponsibleName,
            linkExpiresAt = DateTime.SpecifyKind(order.ReplyTokenExpiresAt!.Value, DateTimeKind.Utc),
            history = replies.Select(r => new { action = r.Action, at = DateTime.SpecifyKind(r.At, DateTimeKind.Utc), note = r.Note }),
            files,
            maxFiles = service.Options.MaxFilesPerUpload,
            maxBytes = service.Options.MaxEvidenceBytes,
        });
    }

    /// <summary>The reply, as multipart: <c>note</c> (what was done), <c>name</c> (who answers), photos or PDFs.</summary>
    private static async Task<IResult> ReplyAsync(HttpContext http, IDbContextFactory<ParkDbContext> factory, RectificationService service, ReplyRateLimit limit, CancellationToken ct)
    {
        if (Limited(http, limit) is { } refused)
            return refused;
        await using var db = await factory.CreateDbContextAsync(ct);
        // The token before the body: an invalid link reads nothing.
        var order = await ReplyLinks.ResolveAsync(db, http.Request.Headers[ReplyLinks.TokenHeader], service.Now, track: true, ct);
        if (order is null)
            return Invalid();
        if (order.State != RectificationStates.Open)
            return Results.Problem($"the order is {order.State}; a reply is taken while it is open", statusCode: StatusCodes.Status409Conflict);
        var (upload, refusal) = await UploadForms.ReadAsync(http, service.Options, ct);
        if (refusal is not null)
            return refusal;
        var note = upload!.Fields["note"].ToString();
        if (note.Length > 2000)
            return Results.Problem("the note is longer than 2000 characters", statusCode: StatusCodes.Status400BadRequest);
        var name = RectificationService.Clean(upload.Fields["name"].ToString()) ?? order.ResponsibleName ?? "?";
        var (stored, refusals) = await service.StoreAsync(upload.Files, ct);
        if (stored is null)
            return UploadForms.Refused(refusals);
        var actor = "enterprise:" + (name.Length > 60 ? name[..60] : name);
        if (service.Apply(db, order, RectificationActions.Replied, actor, note, [.. stored.Zip(upload.Files, (s, f) => (s, f.Name))]) is { } why)
            return Results.Problem(why, statusCode: StatusCodes.Status400BadRequest);
        db.Actor = actor;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Results.Problem("the order was changed meanwhile; reload the page", statusCode: StatusCodes.Status409Conflict);
        }
        return Results.Ok(new { state = order.State, files = stored.Count });
    }
}

/// <summary>The reply API's one limiter, per client address (a singleton so every request shares it).</summary>
public sealed class ReplyRateLimit(TimeProvider clock, Microsoft.Extensions.Options.IOptions<RectificationOptions> options)
{
    public KeyedRateLimiter Limiter { get; } = new(clock, options.Value.ReplyRequestsPerAddress, options.Value.ReplyWindow, maxKeys: 10_000);
}
