using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SmartPark.Ingest.Notifications.Webhooks;

/// <summary>
/// <c>X-SmartPark-Signature: sha256=&lt;hex&gt;</c>, the lowercase hex HMAC-SHA256, keyed with the
/// UTF-8 secret, over the ASCII unix-seconds timestamp, a dot, and the exact body bytes. The
/// timestamp is signed too, so a captured request cannot be replayed later with a fresh
/// <c>X-SmartPark-Timestamp</c>; the receiver rejects timestamps too far from its clock.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-SmartPark-Signature";
    public const string TimestampHeader = "X-SmartPark-Timestamp";
    public const string IdempotencyHeader = "Idempotency-Key";
    private const string Prefix = "sha256=";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var material = new byte[prefix.Length + body.Length];
        prefix.CopyTo(material, 0);
        body.CopyTo(material.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), material);
        return Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(string secret, string timestamp, ReadOnlySpan<byte> body, string? signature)
    {
        if (signature is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return false;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, seconds, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
