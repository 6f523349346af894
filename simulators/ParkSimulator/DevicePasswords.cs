using System.Security.Cryptography;
using System.Text;

namespace SmartPark.Simulator;

/// <summary>
/// The passwords of a simulated park's devices, derived from one secret (HMAC-SHA256 of the
/// device id). A simulator of hundreds of devices then needs one secret rather than a file of
/// clear passwords, and the registry holds only their hashes. Real devices get random passwords.
/// </summary>
public static class DevicePasswords
{
    public const string SecretVariable = "SMARTPARK_DEVICE_SECRET";

    public static string Derive(string secret, string deviceId) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(deviceId)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
