using SmartPark.Contracts.Alerts;
using SmartPark.Ingest.Notifications.Routing;
using SmartPark.Ingest.Notifications.Webhooks;

namespace SmartPark.Ingest.Notifications.Safety;

/// <summary>
/// Section <c>Safety:Webhook</c>: the emergency-management and fire authorities' receiver (应急管理部门 /
/// 消防救援机构), which takes the park's safety alarms (rules marked <c>Safety</c>: fire, electrical fire,
/// gas, fire water) as signed JSON, like the bureau's webhook. Routed like every channel
/// (<see cref="RoutedSinkOptions"/>), with <see cref="RoutedSinkOptions.SafetyOnly"/> always on: nothing
/// else of a park (emissions, energy, device faults) is the authorities' business.
/// </summary>
public sealed class SafetyWebhookOptions : RoutedSinkOptions, ISignedWebhookOptions
{
    public const string SectionName = "Safety:Webhook";

    public SafetyWebhookOptions()
    {
        OutboxDirectory = Path.Combine("data", "safety");
        SafetyOnly = true;
        // Warning and up: besides the fire alarms (critical), the early signs an urban fire-monitoring
        // centre takes as supervisory messages (heat rate of rise, a first-level gas alarm).
        MinSeverity = AlertSeverities.Warning;
        // GB 26875.1 / GB 25506 want a fire alarm at the receiving centre within 10 s, so a hung
        // receiver must fail fast and be tried again soon, not after the 30 s and 5 min of other sinks.
        RequestTimeout = TimeSpan.FromSeconds(5);
        InitialBackoff = TimeSpan.FromSeconds(1);
        MaxBackoff = TimeSpan.FromSeconds(30);
        // A fire alarm nobody at the park acknowledged is told again every 5 minutes.
        ReminderInterval = TimeSpan.FromMinutes(5);
        // No rate limit: a fire alarm is never held back (the receiver is a system, not a chat group).
        RateLimit = 0;
    }

    public override string Title => "Safety webhook";

    protected override string Section => SectionName;

    /// <summary>The authorities' receiver. Empty (the default) disables the sink.</summary>
    public Uri? Url { get; set; }

    /// <summary>HMAC-SHA256 key agreed with the authorities, at least 32 bytes.</summary>
    public string? Secret { get; set; }

    /// <summary>Allow a plain-http <see cref="Url"/> (a receiver on a trusted network, tests).</summary>
    public bool AllowHttp { get; set; }

    public override bool Enabled => SignedWebhookChecks.IsEnabled(this);

    public override string? Problem()
    {
        if (!SafetyOnly)
            return $"{SectionName}:SafetyOnly is false, but the authorities receive safety alarms only (fire, electrical fire, gas, fire water), never a park's other alerts";
        return SignedWebhookChecks.Problem(SectionName, this) ?? RouteProblem();
    }
}
