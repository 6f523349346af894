using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using SmartPark.Dashboard.Supervision.Editing;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities.Rectification;
using SmartPark.ParkData.Rectification;

namespace SmartPark.Dashboard.Rectification;

/// <summary>
/// The enterprise's reply link: a capability for one order. Enterprises have no Dashboard
/// accounts (a workshop's boss should not need one to answer a notice), so the operator issues a
/// link and shares it, printed as a QR code on the notice or sent in a chat: 32 random bytes
/// (256 bits, unguessable), base64url, after <c>#</c> in the URL so the token never reaches a
/// server log, a proxy or a Referer. The database keeps only its SHA-256; a new link replaces
/// the old one (which stops working), and a link stops working at its expiry
/// (<see cref="RectificationOptions.ReplyLinkLifetime"/>) or when the order is closed.
/// </summary>
public static class ReplyLinks
{
    /// <summary>The header the reply page sends the token in (never the URL's path or query).</summary>
    public const string TokenHeader = "X-Reply-Token";

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A token is 43 base64url characters; anything else is not looked up.</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_');

    internal static async Task<IResult> IssueAsync(HttpContext http, string park, long orderId, IDbContextFactory<ParkDbContext> factory,
        RectificationService service, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: StatusCodes.Status400BadRequest);
        if (!http.User.CanManageOrders(park))
            return OrderEndpoints.Refused("the park's operators issue reply links");
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.RectificationOrders.FirstOrDefaultAsync(o => o.Id == orderId && o.ParkId == park, ct);
        if (order is null)
            return OrderEndpoints.NotFound(park, orderId);
        var token = NewToken();
        var expires = service.Now + service.Options.ReplyLinkLifetime;
        order.ReplyTokenHash = Hash(token);
        order.ReplyTokenExpiresAt = expires;
        var actor = ParkEditEndpoints.Actor(http.User);
        if (service.Apply(db, order, RectificationActions.LinkIssued, actor, $"valid until {expires:yyyy-MM-dd HH:mm} UTC", []) is { } why)
            return Results.Problem(why, statusCode: StatusCodes.Status409Conflict);
        db.Actor = actor;
        await db.SaveChangesAsync(ct);
        var origin = string.IsNullOrWhiteSpace(service.Options.PublicUrl) ? $"{http.Request.Scheme}://{http.Request.Host}" : service.Options.PublicUrl.TrimEnd('/');
        var url = $"{origin}/reply#{token}";
        return Results.Ok(new { url, expiresAt = DateTime.SpecifyKind(expires, DateTimeKind.Utc), qr = QrDataUri(url) });
    }

    /// <summary>The link as a QR code (PNG in a data: URI, which the CSP's <c>img-src data:</c> allows), for the printed notice.</summary>
    public static string QrDataUri(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>The order whose link this is, if the link is valid now: known token, not expired, order not closed.</summary>
    public static async Task<RectificationOrder?> ResolveAsync(ParkDbContext db, string? token, DateTime now, bool track, CancellationToken ct)
    {
        if (!LooksLikeToken(token))
            return null;
        var hash = Hash(token!);
        var orders = track ? db.RectificationOrders : db.RectificationOrders.AsNoTracking();
        var order = await orders.FirstOrDefaultAsync(o => o.ReplyTokenHash == hash, ct);
        return order is { ReplyTokenExpiresAt: { } expires } && expires > now && order.State != RectificationStates.Closed ? order : null;
    }
}
