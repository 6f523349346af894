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
        // A device owns its subtree: telemetry, status (birth and last will), and whatever the
        // agent gets later (commands, config) under the same prefix.
        DevicePrincipal d => [new(AclAccess.ReadWrite, $"{Root}/{d.Address.Park}/{d.Address.Enterprise}/{d.Address.Device}/#")],
        ServicePrincipal { Role: ServiceRoles.Ingest } =>
        [
            new(AclAccess.Read, SmartParkTopics.AllTelemetry),
            new(AclAccess.Read, SmartParkTopics.AllStatus),
            new(AclAccess.Read, $"{Root}/+/alerts/+/ack"),
            new(AclAccess.Write, SmartParkTopics.AllDeadLetters),
            new(AclAccess.Write, SmartParkTopics.AllAlerts),
            new(AclAccess.Write, SmartParkTopics.AllRules),
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

    public static bool MayPublish(Principal principal, string topic) =>
        RulesFor(principal).Any(r => r.Access != AclAccess.Read && TopicPatterns.Matches(r.Pattern, topic));

    public static bool MaySubscribe(Principal principal, string filter)
    {
        var plain = TopicPatterns.WithoutShare(filter);
        return plain.Length > 0 && RulesFor(principal).Any(r => r.Access != AclAccess.Write && TopicPatterns.Covers(r.Pattern, plain));
    }
}
