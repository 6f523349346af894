namespace SmartPark.Contracts.Alerts;

/// <summary>
/// An alert's lifecycle (docs/architecture.md "Alerts"): <c>active</c> → <c>acknowledged</c> (by a
/// person) → <c>cleared</c> (condition false for the rule's hold-off) → <c>closed</c>. An alert can
/// also clear before anyone acknowledged it; it closes once cleared and acknowledged, or after the
/// rule's close delay when cleared and never acknowledged.
/// </summary>
public static class AlertStates
{
    public const string Active = "active";
    public const string Acknowledged = "acknowledged";
    public const string Cleared = "cleared";
    public const string Closed = "closed";

    public static bool IsOpen(string state) => state != Closed;
}

public static class AlertSeverities
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Critical = "critical";

    public static int Rank(string severity) => severity switch
    {
        Critical => 3,
        Warning => 2,
        Info => 1,
        _ => 0,
    };
}
