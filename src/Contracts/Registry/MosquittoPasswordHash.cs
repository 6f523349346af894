using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SmartPark.Contracts.Registry;

/// <summary>
/// Mosquitto 2's password hash, <c>$7$iterations$base64(salt)$base64(hash)</c>: PBKDF2 with
/// HMAC-SHA512. Using Mosquitto's own format means the registry can be turned into a Mosquitto
/// password file without anyone ever holding the clear passwords.
/// </summary>
public sealed class MosquittoPasswordHash
{
    public const string Prefix = "$7$";

    /// <summary>Mosquitto's own tool uses 101; more makes a stolen registry costlier to attack, and
    /// verified logins are cached (<see cref="CredentialCache"/>), so the cost is paid once per client.</summary>
    public const int DefaultIterations = 10_000;

    /// <summary>Mosquitto's salt length.</summary>
    public const int SaltBytes = 12;

    /// <summary>SHA-512's output length, what Mosquitto stores.</summary>
    public const int HashBytes = 64;

    private readonly byte[] _salt;
    private readonly byte[] _hash;

    private MosquittoPasswordHash(int iterations, byte[] salt, byte[] hash)
    {
        Iterations = iterations;
        _salt = salt;
        _hash = hash;
    }

    public int Iterations { get; }

    public static string Create(string password, int iterations = DefaultIterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new MosquittoPasswordHash(iterations, salt, Derive(password, salt, iterations)).ToString();
    }

    public static bool TryParse(string? encoded, out MosquittoPasswordHash hash, out string problem)
    {
        hash = null!;
        if (encoded is null || !encoded.StartsWith(Prefix, StringComparison.Ordinal))
        {
            problem = "it must start with $7$";
            return false;
        }
        var parts = encoded[Prefix.Length..].Split('$');
        if (parts.Length != 3)
        {
            problem = "expected $7$<iterations>$<salt>$<hash>";
            return false;
        }
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            problem = $"iterations '{parts[0]}' is not a positive number";
            return false;
        }
        var salt = FromBase64(parts[1]);
        var digest = FromBase64(parts[2]);
        if (salt is not { Length: > 0 })
        {
            problem = "the salt is not base64";
            return false;
        }
        if (digest is not { Length: HashBytes })
        {
            problem = $"the hash is not {HashBytes} bytes of base64";
            return false;
        }
        hash = new MosquittoPasswordHash(iterations, salt, digest);
        problem = "";
        return true;
    }

    /// <summary>Constant-time comparison, so timing does not reveal how much of a guess was right.</summary>
    public bool Verify(string password) =>
        CryptographicOperations.FixedTimeEquals(Derive(password, _salt, Iterations), _hash);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Iterations}${Convert.ToBase64String(_salt)}${Convert.ToBase64String(_hash)}");

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, HashBytes);

    private static byte[]? FromBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
