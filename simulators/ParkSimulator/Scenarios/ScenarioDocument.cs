namespace SmartPark.Simulator.Scenarios;

/// <summary>
/// A scenario file as written (YAML, see simulators/README.md "Scenario files"): the park, the
/// clock, timed events and what the system must do. <see cref="ScenarioLoader"/> checks it and
/// turns it into a <see cref="Scenario"/>.
/// </summary>
public sealed class ScenarioDocument
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    /// <summary>Park file (JSON, as simulators/ParkSimulator/parks/), relative to the scenario file.</summary>
    public string? Park { get; set; }
    public int Seed { get; set; } = 1;
    public ClockDocument Clock { get; set; } = new();
    /// <summary>Simulated length; the last event plus its effects must fit. Empty with <c>continue</c>.</summary>
    public string? Duration { get; set; }
    /// <summary>Keep the park running after the last event (the demo) instead of stopping.</summary>
    public bool Continue { get; set; }
    public List<RuleAssumption> Assumes { get; set; } = [];
    /// <summary>How long a critical alarm may stay unacknowledged before the next person of the duty chain is told,
    /// in simulated time (Ingest's <c>Notifications:Escalation:After:critical</c>, scaled to wall time).</summary>
    public EscalationDocument? Escalation { get; set; }
    public List<EventDocument> Events { get; set; } = [];
    public List<ExpectationDocument> Expect { get; set; } = [];
}

public sealed class ClockDocument
{
    /// <summary>Simulated seconds per wall-clock second; 1 is real time.</summary>
    public double Speed { get; set; } = 1;
    /// <summary>China time of day (HH:mm) simulated time starts at, when accelerated.</summary>
    public string? Start { get; set; }
    /// <summary>Read every sensor this often in simulated time, instead of the park file's intervals.</summary>
    public string? SampleEvery { get; set; }
}

/// <summary>
/// An alert-rule override the expectations rely on, for the scenario's park only (Ingest's
/// <c>Alerts:Rules</c>). Hold-offs and offline silences are wall-clock times inside Ingest, so an
/// accelerated scenario that expects an alert to clear says how short they must be.
/// </summary>
public sealed class RuleAssumption
{
    public string Rule { get; set; } = "";
    public string? HoldOff { get; set; }
    public string? MinSilence { get; set; }
}

public sealed class EscalationDocument
{
    public string? After { get; set; }
}

public sealed class EventDocument
{
    public string? At { get; set; }
    public string? Kind { get; set; }
    public string? Enterprise { get; set; }
    public string? Device { get; set; }
    public string? Sensor { get; set; }
    public string? Quantity { get; set; }

    /// <summary>How long the event lasts (fire until extinguished, fault, outage, illegal run).</summary>
    public string? Duration { get; set; }

    // voc-leak: extra NMHC (mg/m³) at the top, and the shape of the leak.
    public double? Peak { get; set; }
    public string? Ramp { get; set; }
    public string? Hold { get; set; }
    public string? Recover { get; set; }

    // fire: heat rises at this rate up to maxRise, smoke and flame follow.
    public double? RatePerMinute { get; set; }
    public double? MaxRise { get; set; }
    public string? SmokeAfter { get; set; }
    public string? FlameAfter { get; set; }

    // illegal-operation: the load a shut-down enterprise draws; treatment-off: what the switched-off equipment still draws.
    public double? Kw { get; set; }

    // flue-gas-exceedance: the stack O₂ (%) the lean or diluted burner reaches (with peak's ramp, hold, recover).
    public double? O2 { get; set; }

    // night-discharge: the outlet's flow, L/s.
    public double? Flow { get; set; }

    // excursion: the value the quantity is taken to (with ramp, hold, recover): residual current creeping up, a terminal heating, a gas leak, a main losing pressure.
    public double? To { get; set; }

    // calibration: the span gas (mg/m³) or standard solution (mg/L) the analyser reads.
    public double? Span { get; set; }

    // sensor-fault: stuck, noise, drift, dead, scale.
    public string? Mode { get; set; }
    /// <summary>noise: standard deviation; drift: change per simulated hour.</summary>
    public double? Amount { get; set; }
    /// <summary>scale: the factor a misconfigured unit multiplies values by.</summary>
    public double? Factor { get; set; }

    // malformed-payload, wrong-unit, foreign-topic.
    public int Count { get; set; } = 1;
    /// <summary>foreign-topic: whose topic the device publishes on.</summary>
    public string? Victim { get; set; }
}

public sealed class ExpectationDocument
{
    /// <summary>alert, no-alert, delivered, dead-letter, not-stored, notified, not-notified.</summary>
    public string? Kind { get; set; }
    public string? Rule { get; set; }
    public string? Enterprise { get; set; }
    public string? Device { get; set; }
    public string? Sensor { get; set; }
    /// <summary>Simulated time from the start by which the alert is raised (or the dead letter seen).</summary>
    public string? By { get; set; }
    /// <summary>Simulated time from the start by which the alert is cleared (or closed).</summary>
    public string? ClearedBy { get; set; }

    // notified, not-notified: the person (an id of the park's duty roster), the channel (email, sms) and the escalation level.
    public string? To { get; set; }
    public string? Channel { get; set; }
    public int? Level { get; set; }
}
