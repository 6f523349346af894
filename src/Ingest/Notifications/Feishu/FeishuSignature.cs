using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SmartPark.Ingest.Notifications.Feishu;

/// <summary>
/// Feishu's "签名校验" for a custom group robot: the unix timestamp in seconds, a line feed and the
/// robot's secret form the string to sign, which Feishu's own samples use as the HMAC-SHA256
/// <em>key</em> over an empty message; the Base64 of that is <c>sign</c>. Both go into the JSON body
/// beside the message (<c>"timestamp":"…","sign":"…"</c>). Feishu refuses a timestamp more than an
/// hour from its clock (code 19021), so a message is signed at each attempt, never when it is stored.
/// </summary>
public static class FeishuSignature
{
    public static string Sign(string secret, long timestampSeconds)
    {
        var key = Encoding.UTF8.GetBytes(timestampSeconds.ToString(CultureInfo.InvariantCulture) + "\n" + secret);
        return Convert.ToBase64String(HMACSHA256.HashData(key, ReadOnlySpan<byte>.Empty));
    }

    /// <summary>What the robot's server does: recompute and compare in constant time.</summary>
    public static bool Verify(string secret, string? timestamp, string? sign)
    {
        if (sign is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, seconds)), Encoding.ASCII.GetBytes(sign));
    }
}
