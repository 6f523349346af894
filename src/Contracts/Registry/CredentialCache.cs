using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace SmartPark.Contracts.Registry;

/// <summary>
/// Verifies broker logins against stored <c>$7$</c> hashes and remembers the ones that passed,
/// so 10,000 devices reconnecting after a broker restart cost one PBKDF2 each, not one per
/// attempt. The key is a SHA-256 of username, password and stored hash together: a changed
/// credential in the registry misses the cache, and no clear password is kept in memory.
/// Failures are never cached (a wrong guess must always pay the full PBKDF2 cost).
/// </summary>
public sealed class CredentialCache(int capacity = 100_000)
{
    private readonly ConcurrentDictionary<string, byte> _verified = new(StringComparer.Ordinal);
    private long _derivations;

    /// <summary>PBKDF2 derivations done so far (a cache hit does none).</summary>
    public long Derivations => Interlocked.Read(ref _derivations);

    public bool Verify(string username, string password, string storedHash)
    {
        var key = Key(username, password, storedHash);
        if (_verified.ContainsKey(key))
            return true;
        if (!MosquittoPasswordHash.TryParse(storedHash, out var hash, out _))
            return false;
        Interlocked.Increment(ref _derivations);
        if (!hash.Verify(password))
            return false;
        // Crude bound: a registry rarely has more accounts than this; starting over costs one
        // derivation per client, never a wrong answer.
        if (_verified.Count >= capacity)
            _verified.Clear();
        _verified.TryAdd(key, 0);
        return true;
    }

    private static string Key(string username, string password, string storedHash) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{username}\0{password}\0{storedHash}")));
}
