using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SmartPark.Ingest.Notifications.DingTalk;

/// <summary>
/// DingTalk's "加签" for a custom group robot: the string to sign is the unix timestamp in
/// milliseconds, a line feed, and the robot's secret (the <c>SEC…</c> string of its security
/// settings); the signature is the Base64 of its HMAC-SHA256 keyed with the secret, URL-encoded,
/// and goes with the timestamp into the query (<c>&amp;timestamp=…&amp;sign=…</c>). DingTalk refuses a
/// timestamp more than an hour from its clock (errcode 310000), so a message is signed at each
/// attempt, never when it is stored.
/// </summary>
public static class DingTalkSignature
{
    /// <summary>The Base64 signature, before URL encoding.</summary>
    public static string Sign(string secret, long timestampMs)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        var message = Encoding.UTF8.GetBytes(timestampMs.ToString(CultureInfo.InvariantCulture) + "\n" + secret);
        return Convert.ToBase64String(HMACSHA256.HashData(key, message));
    }

    /// <summary>The robot's address with <c>timestamp</c> and <c>sign</c> appended to its query (which holds the access token).</summary>
    public static Uri SignedUrl(Uri robot, string secret, long timestampMs)
    {
        var separator = robot.Query.Length > 1 ? "&" : robot.Query.Length == 1 ? "" : "?";
        return new Uri(string.Create(CultureInfo.InvariantCulture,
            $"{robot.AbsoluteUri}{separator}timestamp={timestampMs}&sign={Uri.EscapeDataString(Sign(secret, timestampMs))}"));
    }

    /// <summary>What the robot's server does: recompute and compare in constant time (the value as the query decoded it).</summary>
    public static bool Verify(string secret, string? timestamp, string? sign)
    {
        if (sign is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, ms)), Encoding.ASCII.GetBytes(sign));
    }
}
