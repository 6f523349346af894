using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Auth;

/// <summary>
/// The users of the park database's <c>Users</c> table, as <see cref="UserStore"/> hands them to
/// sign-in and to every request's session check. Read at most once per
/// <see cref="ParkDatabaseOptions.PollInterval"/> (a change made by another process counts from
/// then) and at once after a change made here (<see cref="Invalidate"/>), so a disabled or removed
/// user's session ends at their next request. A disabled user is left out, exactly as a user
/// removed from the users file is; a malformed row is left out with a warning.
/// </summary>
public sealed class DatabaseUsers(IDbContextFactory<ParkDbContext> factory, IOptions<ParkDatabaseOptions> options, TimeProvider time, ILogger<DatabaseUsers> logger)
{
    private readonly Lock _gate = new();
    private (DateTimeOffset ReadAt, IReadOnlyDictionary<string, DashboardUser> Users)? _cache;

    public void Invalidate()
    {
        lock (_gate)
            _cache = null;
    }

    public IReadOnlyDictionary<string, DashboardUser> Users()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_cache is { } cached && now - cached.ReadAt < options.Value.PollInterval)
                return cached.Users;
            try
            {
                using var db = factory.CreateDbContext();
                var rows = db.Users.AsNoTracking().Where(u => !u.Disabled).ToList();
                var users = new Dictionary<string, DashboardUser>(StringComparer.Ordinal);
                foreach (var user in rows.Select(ToDashboardUser))
                {
                    if (UserRules.Problem(user) is { } problem)
                        logger.LogWarning("User {User} in the park database left out: {Problem}", user.Name, problem);
                    else
                        users[user.Name] = user;
                }
                _cache = (now, users);
                return users;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // Keep the last good list: a database blip must not sign everyone out.
                logger.LogWarning("Users unreadable from the park database, keeping the previous list: {Error}", ex.Message);
                return _cache?.Users ?? new Dictionary<string, DashboardUser>();
            }
        }
    }

    public static DashboardUser ToDashboardUser(UserAccount row) => new()
    {
        Name = row.Name,
        DisplayName = row.DisplayName,
        Role = row.Role,
        Parks = SplitParks(row.Parks),
        District = row.DistrictId,
        City = row.CityId,
        PasswordHash = row.PasswordHash,
    };

    public static IReadOnlyList<string> SplitParks(string parks) =>
        parks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string JoinParks(IEnumerable<string> parks) => string.Join(",", parks.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
