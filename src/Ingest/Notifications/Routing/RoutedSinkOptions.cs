using SmartPark.Contracts.Alerts;

namespace SmartPark.Ingest.Notifications.Routing;

/// <summary>
/// The options of a channel that chooses its alerts by what they are (a group robot, email, SMS, the
/// safety authorities' receiver): severity, kind, rule, park, enterprise, state after the transition,
/// safety alarms only, and the hours of the day (China Standard Time). One set of settings and one
/// predicate (<see cref="Routes"/>) for every such channel; empty lists mean "all".
/// </summary>
public abstract class RoutedSinkOptions : AlertSinkOptions
{
    /// <summary>The section the options are read from, for the messages of <see cref="RouteProblem"/>.</summary>
    protected abstract string Section { get; }

    /// <summary>The least severity sent (info, warning, critical).</summary>
    public string MinSeverity { get; set; } = AlertSeverities.Warning;

    /// <summary>Rule kinds sent (threshold, window, detector, …).</summary>
    public List<string> Kinds { get; set; } = [];

    /// <summary>Rule ids sent (smoke, gas-lel-high, …).</summary>
    public List<string> Rules { get; set; } = [];

    public List<string> Parks { get; set; } = [];

    /// <summary>Enterprise ids sent (any park); an alert without an enterprise passes only when this is empty.</summary>
    public List<string> Enterprises { get; set; } = [];

    /// <summary>States after the transition that are sent (active, acknowledged, cleared, closed).</summary>
    public List<string> States { get; set; } = [];

    /// <summary>Only safety alarms (fire, electrical fire, gas, fire water: rules marked <c>Safety</c>).</summary>
    public bool SafetyOnly { get; set; }

    /// <summary>Hours of the day sent, China Standard Time, <c>HH:mm-HH:mm</c> (e.g. <c>18:00-08:00</c> for nights);
    /// empty: all day. Judged at the transition's time.</summary>
    public string? Hours { get; set; }

    /// <summary>Whether the alert transition goes to this channel.</summary>
    public bool Routes(AlertTransition transition)
    {
        var alert = transition.Alert;
        return AlertSeverities.Rank(alert.Severity) >= AlertSeverities.Rank(MinSeverity)
            && (!SafetyOnly || alert.Safety)
            && AnyOrListed(Kinds, alert.Kind, StringComparer.OrdinalIgnoreCase)
            && AnyOrListed(Rules, alert.RuleId, StringComparer.Ordinal)
            && AnyOrListed(Parks, alert.Park, StringComparer.Ordinal)
            && AnyOrListed(Enterprises, alert.Enterprise, StringComparer.Ordinal)
            && AnyOrListed(States, transition.To, StringComparer.OrdinalIgnoreCase)
            && (HourWindow.TryParse(Hours, out var window) && window.Contains(transition.At));
    }

    /// <summary>What is wrong with the routing settings, or null.</summary>
    protected string? RouteProblem()
    {
        if (AlertSeverities.Rank(MinSeverity) == 0)
            return $"{Section}:MinSeverity '{MinSeverity}' is not one of {AlertSeverities.Info}, {AlertSeverities.Warning}, {AlertSeverities.Critical}";
        if (States.FirstOrDefault(s => s is not (AlertStates.Active or AlertStates.Acknowledged or AlertStates.Cleared or AlertStates.Closed)) is { } state)
            return $"{Section}:States has '{state}', which is not an alert state (active, acknowledged, cleared, closed)";
        if (!HourWindow.TryParse(Hours, out _))
            return $"{Section}:Hours '{Hours}' is not a time window HH:mm-HH:mm (China Standard Time), e.g. 18:00-08:00";
        return null;
    }

    private static bool AnyOrListed(List<string> listed, string? value, StringComparer comparer) =>
        listed.Count == 0 || (value is not null && listed.Contains(value, comparer));
}
