namespace SmartPark.Contracts.Registry;

/// <summary>What a service account may do on the broker (see <see cref="TopicAcl"/>).</summary>
public static class ServiceRoles
{
    public const string Ingest = "ingest";
    public const string Dashboard = "dashboard";

    /// <summary>The HJ 212 uplink: reads telemetry and device status, writes nothing.</summary>
    public const string Uplink = "uplink";

    public static IReadOnlyList<string> All { get; } = [Ingest, Dashboard, Uplink];
}
