using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Notifications;

/// <summary>What a transition is, told to people and receivers: a return to active (condition true
/// again after clearing) is "raised" again, told apart by its <c>from</c>.</summary>
public static class AlertEvents
{
    public const string Raised = "raised";
    public const string Acknowledged = "acknowledged";
    public const string Cleared = "cleared";
    public const string Closed = "closed";
    public const string Reminder = "reminder";

    public static string Of(AlertTransition transition, bool reminder) =>
        reminder ? Reminder : transition.To switch
        {
            AlertStates.Acknowledged => Acknowledged,
            AlertStates.Cleared => Cleared,
            AlertStates.Closed => Closed,
            _ => Raised,
        };
}
