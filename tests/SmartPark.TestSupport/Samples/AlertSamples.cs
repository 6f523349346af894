using SmartPark.Contracts.Alerts;

namespace SmartPark.TestSupport;

/// <summary>Alert transitions as the engine makes them, for a bureau rule on in-plant NMHC.</summary>
public static class AlertSamples
{
    public static readonly DateTimeOffset RaisedAt = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    public static AlertDocument Document(string alertId, string state = AlertStates.Active) => new()
    {
        AlertId = alertId,
        RuleId = "inplant-nmhc-1h",
        Rule = "In-plant NMHC, 1-hour mean",
        Kind = "window",
        Severity = AlertSeverities.Critical,
        Bureau = true,
        State = state,
        Park = "baiyun-shimen",
        Enterprise = "e07",
        Device = "by-e07-edge1",
        Sensor = "voc-1",
        Quantity = "nmhc",
        Unit = "mg/m3",
        Limit = 6,
        Averaging = "PT1H",
        Source = "DB44/2367-2022, Table 3",
        Value = 7.4,
        Peak = 9.1,
        Occurrences = 1,
        RaisedAt = RaisedAt,
        UpdatedAt = RaisedAt,
    };

    public static AlertTransition Raised(string alertId) => new()
    {
        AlertId = alertId,
        Sequence = 1,
        From = null,
        To = AlertStates.Active,
        At = RaisedAt,
        Alert = Document(alertId),
    };

    /// <summary>The transition with this sequence in the usual life: raised, acknowledged, cleared, closed, then raised again.</summary>
    public static AlertTransition Step(string alertId, long sequence)
    {
        var at = RaisedAt.AddMinutes(10 * (sequence - 1));
        var (from, to) = ((sequence - 1) % 4) switch
        {
            0 => (sequence == 1 ? null : AlertStates.Closed, AlertStates.Active),
            1 => (AlertStates.Active, AlertStates.Acknowledged),
            2 => (AlertStates.Acknowledged, AlertStates.Cleared),
            _ => ((string?)AlertStates.Cleared, AlertStates.Closed),
        };
        var acknowledged = to is AlertStates.Acknowledged or AlertStates.Cleared or AlertStates.Closed;
        return new AlertTransition
        {
            AlertId = alertId,
            Sequence = sequence,
            From = from,
            To = to,
            At = at,
            By = to == AlertStates.Acknowledged ? "zhang.wei" : null,
            Comment = to == AlertStates.Acknowledged ? "Enterprise told to stop the coating line" : null,
            Alert = Document(alertId, to) with
            {
                UpdatedAt = at,
                AcknowledgedAt = acknowledged ? RaisedAt.AddMinutes(10) : null,
                AcknowledgedBy = acknowledged ? "zhang.wei" : null,
                AckComment = acknowledged ? "Enterprise told to stop the coating line" : null,
            },
        };
    }
}
