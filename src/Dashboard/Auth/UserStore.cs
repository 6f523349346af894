using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SmartPark.Contracts.Topics;

namespace SmartPark.Dashboard.Auth;

/// <summary>
/// The people who may sign in, read from the JSON file at <c>Dashboard:UsersPath</c>. The file is
/// re-read when it changes (checked at each sign-in), so adding a user needs no restart. It is kept
/// apart from the registry on purpose: the registry holds machine accounts for the broker (Mosquitto
/// hashes, rolled out to devices), while these are people with web roles and a different hash
/// format and lifecycle. No file means nobody can sign in (the page says so), never "everyone".
/// </summary>
public sealed class UserStore(IOptions<DashboardOptions> options, ILogger<UserStore> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private readonly PasswordHasher<DashboardUser> _hasher = new();
    private readonly Lock _gate = new();
    private (DateTime WrittenAt, IReadOnlyDictionary<string, DashboardUser> Users)? _cache;

    public static string Hash(string password) => new PasswordHasher<DashboardUser>().HashPassword(null!, password);

    /// <summary>The user whose name and password match, or null. Failures are logged without the password.</summary>
    public DashboardUser? Verify(string? name, string? password)
    {
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(password))
            return null;
        if (!Users().TryGetValue(name, out var user))
        {
            logger.LogInformation("Sign-in refused for unknown user {User}", name);
            return null;
        }
        var result = _hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            logger.LogInformation("Sign-in refused for {User}: wrong password", name);
            return null;
        }
        return user;
    }

    public IReadOnlyDictionary<string, DashboardUser> Users()
    {
        var path = options.Value.UsersPath;
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
            return new Dictionary<string, DashboardUser>();
        var writtenAt = File.GetLastWriteTimeUtc(path);
        lock (_gate)
        {
            if (_cache is { } cached && cached.WrittenAt == writtenAt)
                return cached.Users;
            try
            {
                var file = JsonSerializer.Deserialize<UsersFile>(File.ReadAllBytes(path), Json) ?? new UsersFile();
                var users = new Dictionary<string, DashboardUser>(StringComparer.Ordinal);
                foreach (var user in file.Users)
                {
                    if (!DashboardRoles.All.Contains(user.Role) || user.Parks.Any(p => !Ids.IsValid(p)))
                    {
                        logger.LogWarning("Users file {Path}: user {User} skipped (role must be one of {Roles}; parks must be park ids)", path, user.Name, string.Join(", ", DashboardRoles.All));
                        continue;
                    }
                    users.TryAdd(user.Name, user);
                }
                _cache = (writtenAt, users);
                logger.LogInformation("Loaded {Count} dashboard users from {Path}", users.Count, path);
                return users;
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
            {
                // Keep the last good list so a half-written file does not lock everyone out.
                logger.LogWarning("Users file {Path} unreadable, keeping the previous users: {Error}", path, ex.Message);
                return _cache?.Users ?? new Dictionary<string, DashboardUser>();
            }
        }
    }
}
