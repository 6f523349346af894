using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SmartPark.Dashboard.Auth;

/// <summary>
/// The people who may sign in, read from the JSON file at <c>Dashboard:UsersPath</c>. The file is
/// re-read when it changes (checked at each sign-in), so adding a user needs no restart. It is kept
/// apart from the registry on purpose: the registry holds machine accounts for the broker (Mosquitto
/// hashes, rolled out to devices), while these are people with web roles and a different hash
/// format and lifecycle. No file means nobody can sign in (the page says so), never "everyone".
/// An unknown name costs the same hashing as a known one (<see cref="Verify"/>), so response
/// times do not tell which names exist.
/// </summary>
/// With a park database the users are its <c>Users</c> table instead (<see cref="DatabaseUsers"/>),
/// which the admin page edits; the file is then only imported once into an empty table.
public sealed class UserStore(IOptions<DashboardOptions> options, ILogger<UserStore> logger, IPasswordHasher<DashboardUser>? hasher = null, DatabaseUsers? database = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly DashboardUser Nobody = new() { Name = "", Role = DashboardRoles.Operator, PasswordHash = "" };
    private readonly IPasswordHasher<DashboardUser> _hasher = hasher ?? new PasswordHasher<DashboardUser>();
    private readonly Lock _gate = new();
    private (DateTime WrittenAt, long Length, IReadOnlyDictionary<string, DashboardUser> Users)? _cache;
    private string? _dummyHash;

    public static string Hash(string password) => new PasswordHasher<DashboardUser>().HashPassword(null!, password);

    /// <summary>The user whose name and password match, or null. Failures are logged without the password.</summary>
    public DashboardUser? Verify(string? name, string? password)
    {
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(password))
            return null;
        if (!Users().TryGetValue(name, out var user))
        {
            // The same PBKDF2 work as for a real user, on a hash of a random password (which
            // nothing matches), so an unknown name answers no faster than a wrong password.
            _hasher.VerifyHashedPassword(Nobody, DummyHash(), password);
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

    public IReadOnlyDictionary<string, DashboardUser> Users() => database?.Users() ?? FileUsers();

    /// <summary>The users file as it is now (also what <see cref="UsersFileImport"/> moves into the database).</summary>
    public IReadOnlyDictionary<string, DashboardUser> FileUsers()
    {
        var path = options.Value.UsersPath;
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
            return new Dictionary<string, DashboardUser>();
        // Checked on every call (a stat, no read) because every request's session is checked
        // against the file: a removed user is locked out at their next request.
        var info = new FileInfo(path);
        var (writtenAt, length) = (info.LastWriteTimeUtc, info.Exists ? info.Length : -1);
        lock (_gate)
        {
            if (_cache is { } cached && cached.WrittenAt == writtenAt && cached.Length == length)
                return cached.Users;
            try
            {
                var file = JsonSerializer.Deserialize<UsersFile>(File.ReadAllBytes(path), Json) ?? new UsersFile();
                var users = new Dictionary<string, DashboardUser>(StringComparer.Ordinal);
                foreach (var user in file.Users)
                {
                    if (UserRules.Problem(user) is { } problem)
                    {
                        logger.LogWarning("Users file {Path}: user {User} skipped: {Problem}", path, user.Name, problem);
                        continue;
                    }
                    users.TryAdd(user.Name, user);
                }
                _cache = (writtenAt, length, users);
                WarnOfOtherHashParameters(path, users.Values);
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

    /// <summary>A hash, made once, of a random password with the hasher's current algorithm and cost.</summary>
    private string DummyHash() =>
        _dummyHash ??= _hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    /// <summary>
    /// A user whose hash was made with another format or iteration count costs another time to
    /// verify than the dummy an unknown name is checked against, which could tell their name
    /// apart; say so, so the operator rehashes them.
    /// </summary>
    private void WarnOfOtherHashParameters(string path, IEnumerable<DashboardUser> users)
    {
        var current = HashParameters(DummyHash());
        foreach (var user in users.Where(u => HashParameters(u.PasswordHash) != current))
            logger.LogWarning("Users file {Path}: the password hash of {User} is not in the current format and cost; rehash it with ./smartpark hash-user-password", path, user.Name);
    }

    /// <summary>The parameters in front of an Identity hash: format byte, then for format 3 the PRF, iteration count and salt length (13 bytes).</summary>
    public static string HashParameters(string hash)
    {
        var bytes = new byte[hash.Length];
        if (!Convert.TryFromBase64String(hash, bytes, out var length) || length == 0)
            return "invalid";
        return Convert.ToHexString(bytes, 0, bytes[0] == 0x01 && length >= 13 ? 13 : 1);
    }
}
