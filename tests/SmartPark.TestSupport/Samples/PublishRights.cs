using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Topics;

namespace SmartPark.TestSupport;

/// <summary>
/// The expected publish rights, one row per <see cref="TopicKind"/>: what the unit tests check
/// <c>PublishPolicy</c> against and the integration tests check the real brokers against. A new
/// TopicKind without a row fails <c>PublishRightsTableTests.Every_topic_kind_and_every_role_has_a_row</c>.
/// </summary>
public static class PublishRights
{
    public enum Whose
    {
        Own,
        OtherDeviceSamePark,
        OtherPark,
    }

    public const string AlertId = "a1";

    /// <summary>What a device may publish for its own address: (not retained, retained). Nothing of anyone else's.</summary>
    public static IReadOnlyDictionary<TopicKind, (bool Plain, bool Retained)> Device { get; } = new Dictionary<TopicKind, (bool, bool)>
    {
        [TopicKind.Telemetry] = (true, false),
        [TopicKind.Status] = (true, true),
        [TopicKind.Alert] = (false, false),
        [TopicKind.AlertAck] = (false, false),
        [TopicKind.DeadLetter] = (false, false),
        [TopicKind.Rules] = (false, false),
    };

    /// <summary>What each service role may publish, for any device or park: (not retained, retained).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<TopicKind, (bool Plain, bool Retained)>> Services { get; } =
        new Dictionary<string, IReadOnlyDictionary<TopicKind, (bool Plain, bool Retained)>>
        {
            [ServiceRoles.Ingest] = new Dictionary<TopicKind, (bool, bool)>
            {
                [TopicKind.Telemetry] = (false, false),
                [TopicKind.Status] = (false, false),
                [TopicKind.Alert] = (true, true),
                [TopicKind.AlertAck] = (false, false),
                [TopicKind.DeadLetter] = (true, false),
                [TopicKind.Rules] = (true, true),
            },
            [ServiceRoles.Dashboard] = new Dictionary<TopicKind, (bool, bool)>
            {
                [TopicKind.Telemetry] = (false, false),
                [TopicKind.Status] = (false, false),
                [TopicKind.Alert] = (false, false),
                [TopicKind.AlertAck] = (true, false),
                [TopicKind.DeadLetter] = (false, false),
                [TopicKind.Rules] = (false, false),
            },
            [ServiceRoles.Uplink] = new Dictionary<TopicKind, (bool, bool)>
            {
                [TopicKind.Telemetry] = (false, false),
                [TopicKind.Status] = (false, false),
                [TopicKind.Alert] = (false, false),
                [TopicKind.AlertAck] = (false, false),
                [TopicKind.DeadLetter] = (false, false),
                [TopicKind.Rules] = (false, false),
            },
        };

    /// <summary>Every (kind, whose, retain) combination, for theory data.</summary>
    public static IEnumerable<(TopicKind Kind, Whose Whose, bool Retain)> Cases() =>
        from kind in Enum.GetValues<TopicKind>()
        from whose in Enum.GetValues<Whose>()
        from retain in new[] { false, true }
        select (kind, whose, retain);

    /// <summary>The device a case publishes for, given the publisher and two others.</summary>
    public static DeviceAddress Target(Whose whose, DeviceAddress own, DeviceAddress sameParkOther, DeviceAddress otherPark) => whose switch
    {
        Whose.Own => own,
        Whose.OtherDeviceSamePark => sameParkOther,
        _ => otherPark,
    };

    /// <summary>A body that passes every content check for the topic (a valid status), so only topic and retain decide.</summary>
    public static byte[] Body(TopicKind kind, DeviceAddress device) =>
        kind == TopicKind.Status
            ? System.Text.Encoding.UTF8.GetBytes($$"""{"state":"online","device":"{{device.Device}}"}""")
            : "{}"u8.ToArray();

    /// <summary>True when the device may publish this case, per <see cref="Device"/>; <paramref name="aclOnly"/>: the rights a
    /// Mosquitto ACL file can express (no retain restriction).</summary>
    public static bool DeviceMay(TopicKind kind, Whose whose, bool retain, bool aclOnly = false)
    {
        if (!Device.TryGetValue(kind, out var row))
            throw new InvalidOperationException($"no row for topic kind {kind} in PublishRights.Device: add one");
        return whose == Whose.Own && (retain && !aclOnly ? row.Retained : row.Plain);
    }
}
