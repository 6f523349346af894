using System.Diagnostics.Metrics;

namespace SmartPark.Dashboard.Auth;

/// <summary>What the Dashboard refused, for <c>/metrics</c>: every refusal is counted even when its log line is held back.</summary>
public sealed class SecurityMetrics
{
    public const string MeterName = "SmartPark.Dashboard.Security";

    public SecurityMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        SignInsRefused = meter.CreateCounter<long>("smartpark.dashboard.signin.refused", description: "Sign-ins refused, by reason (address_rate, user_rate, locked, wrong_credentials)");
        Lockouts = meter.CreateCounter<long>("smartpark.dashboard.signin.lockouts", description: "Times a user name was locked after consecutive failures");
        SessionsEnded = meter.CreateCounter<long>("smartpark.dashboard.sessions.ended", description: "Sessions ended because the users file no longer matches them, by reason");
        HubOriginsRefused = meter.CreateCounter<long>("smartpark.dashboard.hub.origin.refused", description: "Hub requests refused for a foreign Origin");
        ParksRefused = meter.CreateCounter<long>("smartpark.dashboard.park.refused", description: "Requests refused because the user may not see the park");
        StatusesRejected = meter.CreateCounter<long>("smartpark.dashboard.status.rejected", description: "Device status documents ignored because the contract does not know them, by reason");
    }

    public Counter<long> SignInsRefused { get; }
    public Counter<long> Lockouts { get; }
    public Counter<long> SessionsEnded { get; }
    public Counter<long> HubOriginsRefused { get; }
    public Counter<long> ParksRefused { get; }
    public Counter<long> StatusesRejected { get; }
}
