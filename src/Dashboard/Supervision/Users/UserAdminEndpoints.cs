using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Supervision.Editing;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Supervision.Users;

/// <summary>A user as the admin page lists them: never the password hash.</summary>
public sealed record UserView(string Name, string? DisplayName, string Role, IReadOnlyList<string> Parks, string? District, string? City, bool Disabled, long Version)
{
    public static UserView Of(UserAccount u) => new(u.Name, u.DisplayName, u.Role, DatabaseUsers.SplitParks(u.Parks), u.DistrictId, u.CityId, u.Disabled, u.Version);
}

/// <summary>A new user, or changes to one (<see cref="Version"/> as loaded; <see cref="Password"/> only when adding).</summary>
public sealed record UserForm
{
    public string? Name { get; init; }
    public string? DisplayName { get; init; }
    public string? Role { get; init; }
    public IReadOnlyList<string>? Parks { get; init; }
    public string? District { get; init; }
    public string? City { get; init; }
    public bool Disabled { get; init; }
    public string? Password { get; init; }
    public long Version { get; init; }
}

/// <summary>A new password set by an admin (the user is told it out of band).</summary>
public sealed record PasswordReset(string? Password);

/// <summary>
/// Admins manage the people who sign in, when users live in the park database:
/// <c>GET/POST /api/admin/users</c>, <c>PUT /api/admin/users/{name}</c> (role, parks, district,
/// city, display name, disabled) and <c>POST /api/admin/users/{name}/password</c>. Admin only;
/// anti-forgery on every write; audited under the admin's name (the hash only as a digest);
/// hashes are never sent back. The last enabled admin cannot be demoted or disabled, so nobody
/// locks the Dashboard's management out. A change counts at the user's next request
/// (<see cref="DatabaseUsers.Invalidate"/>): a disabled user's sessions, cookie and hub, end.
/// </summary>
public static class UserAdminEndpoints
{
    public const int MinimumPasswordLength = 10;

    public static IEndpointRouteBuilder MapUserAdmin(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/admin/users").RequireAuthorization(p => p.RequireRole(DashboardRoles.Admin));
        users.MapGet("", async (IDbContextFactory<ParkDbContext> factory, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var rows = await db.Users.AsNoTracking().OrderBy(u => u.Name).ToListAsync(ct);
            return Results.Ok(rows.Select(UserView.Of));
        });
        users.MapPost("", AddAsync);
        users.MapPut("/{name}", ChangeAsync);
        users.MapPost("/{name}/password", ResetPasswordAsync);
        return app;
    }

    private static async Task<IResult> AddAsync(HttpContext http, UserForm form, IDbContextFactory<ParkDbContext> factory, IAntiforgery antiforgery,
        IPasswordHasher<DashboardUser> hasher, DatabaseUsers cache, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: 400);
        var errors = Validate(form, form.Name);
        PasswordRule(errors, form.Password);
        if (errors.Any)
            return errors.ToResult();
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Users.AnyAsync(u => u.Name == form.Name, ct))
            return Results.Problem($"a user '{form.Name}' exists already", statusCode: 409);
        var row = new UserAccount { Name = form.Name!, Role = form.Role!, PasswordHash = "" };
        Apply(form, row);
        row.PasswordHash = hasher.HashPassword(DatabaseUsers.ToDashboardUser(row), form.Password!);
        db.Users.Add(row);
        db.Actor = ParkEditEndpoints.Actor(http.User);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return Results.Created($"/api/admin/users/{Uri.EscapeDataString(row.Name)}", UserView.Of(row));
    }

    private static async Task<IResult> ChangeAsync(HttpContext http, string name, UserForm form, IDbContextFactory<ParkDbContext> factory,
        IAntiforgery antiforgery, DatabaseUsers cache, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: 400);
        var errors = Validate(form, name);
        if (errors.Any)
            return errors.ToResult();
        await using var db = await factory.CreateDbContextAsync(ct);
        // The check and the change in one serializable transaction, so two admins demoting each
        // other at once cannot both pass it (SQLite serialises writers; PostgreSQL fails one of
        // two conflicting serializable transactions).
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        var row = await db.Users.FirstOrDefaultAsync(u => u.Name == name, ct);
        if (row is null)
            return Results.Problem($"no user '{name}'", statusCode: 404);
        if (row.Version != form.Version)
            return Results.Json(new Conflict<UserView>("the user was changed by someone else since you loaded them", UserView.Of(row),
                await ParkHistory.LastChangeAsync(db, row.AuditKey, ct)), statusCode: StatusCodes.Status409Conflict);
        var staysAdmin = form.Role == DashboardRoles.Admin && !form.Disabled;
        if (row.Role == DashboardRoles.Admin && !row.Disabled && !staysAdmin
            && !await db.Users.AnyAsync(u => u.Name != name && u.Role == DashboardRoles.Admin && !u.Disabled, ct))
            return Results.Problem("this is the last admin: make someone else an admin first", statusCode: 409);
        Apply(form, row);
        db.Entry(row).Property(u => u.Version).OriginalValue = form.Version;
        db.Actor = ParkEditEndpoints.Actor(http.User);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Results.Problem("the user was changed by someone else meanwhile: reload", statusCode: 409);
        }
        cache.Invalidate();
        return Results.Ok(UserView.Of(row));
    }

    private static async Task<IResult> ResetPasswordAsync(HttpContext http, string name, PasswordReset reset, IDbContextFactory<ParkDbContext> factory,
        IAntiforgery antiforgery, IPasswordHasher<DashboardUser> hasher, DatabaseUsers cache, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem("missing or invalid anti-forgery token", statusCode: 400);
        var errors = new FieldErrors();
        PasswordRule(errors, reset.Password);
        if (errors.Any)
            return errors.ToResult();
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Users.FirstOrDefaultAsync(u => u.Name == name, ct);
        if (row is null)
            return Results.Problem($"no user '{name}'", statusCode: 404);
        // A new hash changes the session stamp: the user's open sessions end and they sign in with the new password.
        row.PasswordHash = hasher.HashPassword(DatabaseUsers.ToDashboardUser(row), reset.Password!);
        db.Actor = ParkEditEndpoints.Actor(http.User);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return Results.NoContent();
    }

    private static FieldErrors Validate(UserForm form, string? name)
    {
        var errors = new FieldErrors();
        var candidate = new DashboardUser
        {
            Name = name ?? "",
            Role = form.Role ?? "",
            Parks = form.Parks ?? [],
            District = ParkForm.Blank(form.District),
            City = ParkForm.Blank(form.City),
            PasswordHash = "",
        };
        if (UserRules.Problem(candidate) is { } problem)
            errors.Add("user", "user_rules", problem);
        errors.Length("displayName", form.DisplayName, 100);
        return errors;
    }

    private static void PasswordRule(FieldErrors errors, string? password)
    {
        if (password is null || password.Length < MinimumPasswordLength)
            errors.Add("password", "password_short", $"a password has at least {MinimumPasswordLength} characters");
    }

    private static void Apply(UserForm form, UserAccount row)
    {
        row.DisplayName = ParkForm.Blank(form.DisplayName);
        row.Role = form.Role!;
        row.Parks = DatabaseUsers.JoinParks(form.Parks ?? []);
        row.DistrictId = ParkForm.Blank(form.District);
        row.CityId = ParkForm.Blank(form.City);
        row.Disabled = form.Disabled;
    }
}
