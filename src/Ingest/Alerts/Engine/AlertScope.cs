using System.Security.Cryptography;
using System.Text;

namespace SmartPark.Ingest.Alerts.Engine;

/// <summary>What an alert is about: a park, an enterprise, a device, or one sensor of a device.
/// One alert may be open per (rule, scope).</summary>
public sealed record AlertScope(string Park, string? Enterprise = null, string? Device = null, string? Sensor = null)
{
    public string Key => $"{Park}/{Enterprise}/{Device}/{Sensor}";

    /// <summary>An alert id that is a valid topic id, unique per episode: rule, scope hash, start time.</summary>
    public string NewAlertId(string ruleId, DateTimeOffset raisedAt)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ruleId + "|" + Key)))[..8];
        var time = ToBase36(raisedAt.ToUnixTimeMilliseconds());
        var prefix = ruleId.Length > 40 ? ruleId[..40].TrimEnd('-') : ruleId;
        return $"{prefix}-{hash}-{time}";
    }

    private static string ToBase36(long value)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var sb = new StringBuilder();
        do
        {
            sb.Insert(0, digits[(int)(value % 36)]);
            value /= 36;
        }
        while (value > 0);
        return sb.ToString();
    }
}
