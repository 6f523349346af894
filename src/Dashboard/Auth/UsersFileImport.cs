using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Auth;

/// <summary>
/// Moves an existing deployment's users into the park database: at start, when the <c>Users</c>
/// table is empty and the users file lists people, they are copied (hashes as they are, audited
/// as <c>import:FILE</c>). Once the table has anyone, the file is no longer read, so a later
/// edit of the file does not undo what the admins did on the web. Runs after the migration
/// (hosted services start in order).
/// </summary>
public sealed class UsersFileImport(IDbContextFactory<ParkDbContext> factory, UserStore store, IOptions<DashboardOptions> options, DatabaseUsers users, ILogger<UsersFileImport> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var imported = await ImportAsync(factory, store.FileUsers().Values, "import:" + options.Value.UsersPath, cancellationToken);
        if (imported > 0)
        {
            users.Invalidate();
            logger.LogInformation("Imported {Count} users from {Path} into the park database; manage them on /supervision/users from now on", imported, options.Value.UsersPath);
        }
    }

    /// <summary>Copies the users into an empty table; returns how many (0 when the table already had users).</summary>
    public static async Task<int> ImportAsync(IDbContextFactory<ParkDbContext> factory, IEnumerable<DashboardUser> fileUsers, string actor, CancellationToken cancellationToken = default)
    {
        var list = fileUsers.ToList();
        if (list.Count == 0)
            return 0;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(cancellationToken))
            return 0;
        db.Actor = actor;
        db.Users.AddRange(list.Select(u => new UserAccount
        {
            Name = u.Name,
            DisplayName = u.DisplayName,
            Role = u.Role,
            Parks = DatabaseUsers.JoinParks(u.Parks),
            DistrictId = u.District,
            CityId = u.City,
            PasswordHash = u.PasswordHash,
        }));
        await db.SaveChangesAsync(cancellationToken);
        return list.Count;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
