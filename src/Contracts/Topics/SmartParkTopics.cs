namespace SmartPark.Contracts.Topics;

/// <summary>
/// Builds and parses the topics of docs/architecture.md. Builders validate ids so a bad id fails
/// where it is made, not at a subscriber; the parser never throws.
/// </summary>
public static class SmartParkTopics
{
    public const string Root = "smartpark/v1";

    /// <summary>Every device's telemetry (plain subscription).</summary>
    public const string AllTelemetry = Root + "/+/+/+/telemetry";

    /// <summary>Every device's status (birth / last will).</summary>
    public const string AllStatus = Root + "/+/+/+/status";

    /// <summary>Every open alert of every park.</summary>
    public const string AllAlerts = Root + "/+/alerts/+";

    /// <summary>Every acknowledgement of every alert.</summary>
    public const string AllAlertAcks = Root + "/+/alerts/+/ack";

    /// <summary>Every park's rule set (retained).</summary>
    public const string AllRules = Root + "/+/" + RulesLevel;

    /// <summary>Every dead letter.</summary>
    public const string AllDeadLetters = Root + "/deadletter/#";

    /// <summary>Dead letters whose topic named no valid device land here ("_" is never a valid id).</summary>
    public const string UnaddressedDeadLetter = Root + "/deadletter/_/_/_";

    private const string DeadLetterLevel = "deadletter";
    private const string AlertsLevel = "alerts";
    private const string RulesLevel = "rules";

    public static string SharedTelemetry(string group)
    {
        RequireId(group, nameof(group));
        return $"$share/{group}/{AllTelemetry}";
    }

    public static string Telemetry(DeviceAddress device) => DeviceTopic(device, "telemetry");

    public static string Status(DeviceAddress device) => DeviceTopic(device, "status");

    public static string ParkTelemetry(string park)
    {
        RequireId(park, nameof(park));
        return $"{Root}/{park}/+/+/telemetry";
    }

    public static string DeadLetter(DeviceAddress device)
    {
        RequireDevice(device);
        return $"{Root}/{DeadLetterLevel}/{device.Park}/{device.Enterprise}/{device.Device}";
    }

    public static string Alert(string park, string alertId)
    {
        RequireId(park, nameof(park));
        RequireId(alertId, nameof(alertId));
        return $"{Root}/{park}/{AlertsLevel}/{alertId}";
    }

    public static string AlertAck(string park, string alertId) => Alert(park, alertId) + "/ack";

    /// <summary>The alert rules in force in a park (<see cref="Alerts.ParkRules"/>, retained).</summary>
    public static string Rules(string park)
    {
        RequireId(park, nameof(park));
        return $"{Root}/{park}/{RulesLevel}";
    }

    /// <summary>
    /// The topic of <paramref name="kind"/> for a device (device kinds) or its park (park kinds).
    /// One switch over every kind, so the ACL tests and the reserved-word list cover a new kind
    /// as soon as it exists: an unhandled kind throws here.
    /// </summary>
    public static string Of(TopicKind kind, DeviceAddress device, string alertId) => kind switch
    {
        TopicKind.Telemetry => Telemetry(device),
        TopicKind.Status => Status(device),
        TopicKind.Alert => Alert(device.Park, alertId),
        TopicKind.AlertAck => AlertAck(device.Park, alertId),
        TopicKind.DeadLetter => DeadLetter(device),
        TopicKind.Rules => Rules(device.Park),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a topic kind the builder does not know"),
    };

    /// <summary>
    /// Every level the topic tree fixes (<c>smartpark</c>, <c>v1</c>, <c>telemetry</c>, <c>alerts</c>,
    /// wildcards, <c>$share</c>, …), taken from the builders themselves rather than copied: an id
    /// equal to one of them would make a topic mean two things (a park called <c>deadletter</c>).
    /// </summary>
    public static IReadOnlySet<string> FixedWords { get; } = CollectFixedWords();

    private static HashSet<string> CollectFixedWords()
    {
        // Probe ids that no fixed level can equal (they hold a character no level of the tree uses).
        var device = new DeviceAddress("0p", "0e", "0d");
        const string alert = "0a", group = "0g";
        var topics = Enum.GetValues<TopicKind>().Select(k => Of(k, device, alert))
            .Concat([AllTelemetry, AllStatus, AllAlerts, AllAlertAcks, AllRules, AllDeadLetters, UnaddressedDeadLetter, SharedTelemetry(group), ParkTelemetry(device.Park)]);
        var probes = new HashSet<string>([device.Park, device.Enterprise, device.Device, alert, group], StringComparer.Ordinal);
        return topics.SelectMany(t => t.Split('/')).Where(level => !probes.Contains(level)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Takes a topic apart; false for anything that is not a well-formed SmartPark topic.</summary>
    public static bool TryParse(string? topic, out ParsedTopic parsed)
    {
        parsed = null!;
        if (string.IsNullOrEmpty(topic) || !topic.StartsWith(Root + "/", StringComparison.Ordinal))
            return false;

        var levels = topic[(Root.Length + 1)..].Split('/');
        switch (levels)
        {
            case [DeadLetterLevel, var p, var e, var d] when AllValid(p, e, d):
                parsed = new ParsedTopic(TopicKind.DeadLetter, p, new DeviceAddress(p, e, d));
                return true;
            case [var p, AlertsLevel, var id] when AllValid(p, id):
                parsed = new ParsedTopic(TopicKind.Alert, p, AlertId: id);
                return true;
            case [var p, RulesLevel] when AllValid(p):
                parsed = new ParsedTopic(TopicKind.Rules, p);
                return true;
            case [var p, AlertsLevel, var id, "ack"] when AllValid(p, id):
                parsed = new ParsedTopic(TopicKind.AlertAck, p, AlertId: id);
                return true;
            case [var p, var e, var d, "telemetry"] when AllValid(p, e, d):
                parsed = new ParsedTopic(TopicKind.Telemetry, p, new DeviceAddress(p, e, d));
                return true;
            case [var p, var e, var d, "status"] when AllValid(p, e, d):
                parsed = new ParsedTopic(TopicKind.Status, p, new DeviceAddress(p, e, d));
                return true;
            default:
                return false;
        }
    }

    private static bool AllValid(params ReadOnlySpan<string> ids)
    {
        foreach (var id in ids)
        {
            if (!Ids.IsValid(id))
                return false;
        }
        return true;
    }

    private static string DeviceTopic(DeviceAddress device, string leaf)
    {
        RequireDevice(device);
        return $"{Root}/{device.Park}/{device.Enterprise}/{device.Device}/{leaf}";
    }

    private static void RequireDevice(DeviceAddress device)
    {
        RequireId(device.Park, "park");
        RequireId(device.Enterprise, "enterprise");
        RequireId(device.Device, "device");
    }

    private static void RequireId(string id, string what)
    {
        if (!Ids.IsValid(id))
            throw new ArgumentException($"'{id}' is not a valid {what} id (expected {Ids.Pattern}).", what);
    }
}
