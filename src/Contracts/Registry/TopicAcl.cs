using SmartPark.Contracts.Topics;

namespace SmartPark.Contracts.Registry;

/// <summary>
/// Who may publish and subscribe where. One list of rules per account serves both brokers: the
/// embedded broker decides with <see cref="MayPublish"/>/<see cref="MaySubscribe"/>, and
/// <see cref="MosquittoAuthFiles"/> writes the same rules into Mosquitto's ACL file.
/// </summary>
public static class TopicAcl
{
    private const string Root = SmartParkTopics.Root;

    public static IReadOnlyList<AclRule> RulesFor(Principal principal) => principal switch
    {
        // A device writes its own telemetry and its own status (birth and last will, retained),
        // nothing else: not under its own address (a dead letter or an alert in its name), not
        // another device's, and it reads nothing (the agent subscribes to nothing). Its owner
        // knows the password, so the rights are exactly what the agent needs.
        DevicePrincipal d =>
        [
            new(AclAccess.Write, SmartParkTopics.Telemetry(d.Address)),
            new(AclAccess.Write, SmartParkTopics.Status(d.Address), Retain: true),
        ],
        ServicePrincipal { Role: ServiceRoles.Ingest } =>
        [
            new(AclAccess.Read, SmartParkTopics.AllTelemetry),
            new(AclAccess.Read, SmartParkTopics.AllStatus),
            new(AclAccess.Read, $"{Root}/+/alerts/+/ack"),
            new(AclAccess.Write, SmartParkTopics.AllDeadLetters),
            new(AclAccess.Write, SmartParkTopics.AllAlerts, Retain: true),
            new(AclAccess.Write, SmartParkTopics.AllRules, Retain: true),
        ],
        ServicePrincipal { Role: ServiceRoles.Uplink } =>
        [
            new(AclAccess.Read, SmartParkTopics.AllTelemetry),
            new(AclAccess.Read, SmartParkTopics.AllStatus),
        ],
        ServicePrincipal { Role: ServiceRoles.Dashboard } =>
        [
            new(AclAccess.Read, $"{Root}/#"),
            new(AclAccess.Write, $"{Root}/+/alerts/+/ack"),
        ],
        _ => [],
    };

    /// <summary>True when the account may publish to <paramref name="topic"/>, with the retain flag
    /// set when <paramref name="retain"/> (only where a rule allows retaining).</summary>
    public static bool MayPublish(Principal principal, string topic, bool retain = false) =>
        RulesFor(principal).Any(r => r.Access != AclAccess.Read && (r.Retain || !retain) && TopicPatterns.Matches(r.Pattern, topic));

    public static bool MaySubscribe(Principal principal, string filter)
    {
        var plain = TopicPatterns.WithoutShare(filter);
        return plain.Length > 0 && RulesFor(principal).Any(r => r.Access != AclAccess.Write && TopicPatterns.Covers(r.Pattern, plain));
    }
}
