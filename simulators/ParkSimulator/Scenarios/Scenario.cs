namespace SmartPark.Simulator.Scenarios;

/// <summary>A checked scenario: times parsed, every name resolved against its park.</summary>
public sealed record Scenario
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required string SourcePath { get; init; }
    public required ParkDefinition Park { get; init; }
    public int Seed { get; init; } = 1;
    public double Speed { get; init; } = 1;
    /// <summary>China time of day the simulated clock starts at (accelerated runs only).</summary>
    public TimeSpan? StartTimeOfDay { get; init; }
    public TimeSpan? SampleEvery { get; init; }
    /// <summary>Simulated length; null runs until stopped.</summary>
    public TimeSpan? Duration { get; init; }
    /// <summary>Keep the park running after <see cref="Duration"/> until stopped (the demo).</summary>
    public bool Continue { get; init; }
    public IReadOnlyList<RuleAssumption> Assumes { get; init; } = [];
    /// <summary>Simulated time a critical alarm waits at each level of the duty chain; null: Ingest's own setting.</summary>
    public TimeSpan? EscalationAfter { get; init; }
    public IReadOnlyList<ScenarioEvent> Events { get; init; } = [];
    public IReadOnlyList<Expectation> Expectations { get; init; } = [];

    public bool Accelerated => Speed > 1;

    /// <summary>
    /// Ingest arguments that apply <see cref="Assumes"/> to this park (<c>Alerts:Rules</c>
    /// overrides), for a system started to run this scenario.
    /// </summary>
    public IReadOnlyList<string> IngestArguments(int firstIndex = 0)
    {
        var args = new List<string>();
        var i = firstIndex;
        foreach (var a in Assumes)
        {
            args.Add($"--Alerts:Rules:{i}:Id={a.Rule}");
            args.Add($"--Alerts:Rules:{i}:Park={Park.Park.Id}");
            if (a.HoldOff is { } h && SimDuration.TryParse(h, out var holdOff))
                args.Add($"--Alerts:Rules:{i}:HoldOff={holdOff:c}");
            if (a.MinSilence is { } m && SimDuration.TryParse(m, out var silence))
                args.Add($"--Alerts:Rules:{i}:MinSilence={silence:c}");
            i++;
        }
        if (EscalationAfter is { } after)
        {
            // Ingest escalates on its own wall clock: the simulated wait scaled down, and looked for
            // often enough that a step is never late by more than a few simulated seconds.
            var wall = after / Speed;
            args.Add($"--Notifications:Escalation:After:critical={wall:c}");
            args.Add($"--Notifications:Escalation:CheckInterval={TimeSpan.FromMilliseconds(Math.Max(50, wall.TotalMilliseconds / 20)):c}");
        }
        return args;
    }
}

/// <summary>Something that happens at <see cref="At"/> simulated time after the start.</summary>
public abstract record ScenarioEvent(TimeSpan At)
{
    public abstract string Describe();
}

/// <summary>NMHC (and TVOC with it) at an enterprise ramps up by <see cref="Peak"/> mg/m³, holds, recovers.</summary>
public sealed record VocLeak(TimeSpan At, string Enterprise, string? Sensor, double Peak, TimeSpan Ramp, TimeSpan Hold, TimeSpan Recover) : ScenarioEvent(At)
{
    public TimeSpan End => At + Ramp + Hold + Recover;
    public override string Describe() => $"VOC leak at {Enterprise}: +{Peak} mg/m³ NMHC (ramp {SimDuration.Format(Ramp)}, hold {SimDuration.Format(Hold)}, recover {SimDuration.Format(Recover)})";
}

/// <summary>Heat rises at <see cref="RatePerMinute"/>, then smoke, then flame, until put out after <see cref="Duration"/>.</summary>
public sealed record Fire(TimeSpan At, string Enterprise, double RatePerMinute, double MaxRise, TimeSpan SmokeAfter, TimeSpan FlameAfter, TimeSpan Duration) : ScenarioEvent(At)
{
    public override string Describe() => $"fire at {Enterprise}: heat +{RatePerMinute} °C/min, smoke after {SimDuration.Format(SmokeAfter)}, flame after {SimDuration.Format(FlameAfter)}, out after {SimDuration.Format(Duration)}";
}

/// <summary>A shut-down enterprise draws <see cref="Kw"/> for <see cref="Duration"/>.</summary>
public sealed record IllegalOperation(TimeSpan At, string Enterprise, double Kw, TimeSpan Duration) : ScenarioEvent(At)
{
    public override string Describe() => $"illegal operation at {Enterprise}: {Kw} kW for {SimDuration.Format(Duration)}";
}

/// <summary>
/// A boiler's stack O₂ ramps to <see cref="Oxygen"/> % (burner run lean, dilution air let in), holds,
/// recovers, while the raw concentrations keep their readings: the converted NOx (dry, at the
/// reference O₂) climbs past its limit though the raw value never reaches it.
/// </summary>
public sealed record FlueGasExceedance(TimeSpan At, string Enterprise, string? Sensor, double Oxygen, TimeSpan Ramp, TimeSpan Hold, TimeSpan Recover) : ScenarioEvent(At)
{
    public TimeSpan End => At + Ramp + Hold + Recover;
    public override string Describe() => $"flue gas diluted at {Enterprise}: O2 to {Oxygen} % with raw NOx unchanged (ramp {SimDuration.Format(Ramp)}, hold {SimDuration.Format(Hold)}, recover {SimDuration.Format(Recover)})";
}

/// <summary>
/// One quantity of one sensor is taken from the twin's own reading to <see cref="To"/> over <see cref="Ramp"/>, held
/// there, and let back over <see cref="Recover"/>: what the safety scenarios script (leakage creeping up over days,
/// a terminal heating, a gas leak crossing both levels, a fire-water main losing its pressure).
/// </summary>
public sealed record Excursion(TimeSpan At, string Device, string Sensor, string Quantity, double To, TimeSpan Ramp, TimeSpan Hold, TimeSpan Recover) : ScenarioEvent(At)
{
    public override string Describe() => $"{Quantity} of {Device}/{Sensor} to {To} (ramp {SimDuration.Format(Ramp)}, hold {SimDuration.Format(Hold)}, recover {SimDuration.Format(Recover)})";
}

/// <summary>A shut-down enterprise's outlet discharges <see cref="LitresPerSecond"/> for <see cref="Duration"/>.</summary>
public sealed record NightDischarge(TimeSpan At, string Enterprise, double LitresPerSecond, TimeSpan Duration) : ScenarioEvent(At)
{
    public override string Describe() => $"discharge at {Enterprise}: {LitresPerSecond} L/s for {SimDuration.Format(Duration)}";
}

/// <summary>A treatment meter's equipment (a scrubber fan) is switched off: it draws <see cref="Kw"/> for <see cref="Duration"/>.</summary>
public sealed record TreatmentOff(TimeSpan At, string Device, string Sensor, double Kw, TimeSpan Duration) : ScenarioEvent(At)
{
    public override string Describe() => $"treatment off at {Device}/{Sensor}: {Kw} kW for {SimDuration.Format(Duration)}";
}

/// <summary>
/// An analyser in calibration for <see cref="Duration"/>: its analysed quantities read span gas (or
/// standard solution) of <see cref="Span"/>, far above any limit, flagged C (HJ 212 calibration).
/// </summary>
public sealed record Calibration(TimeSpan At, string Device, string Sensor, double Span, TimeSpan Duration) : ScenarioEvent(At)
{
    public override string Describe() => $"calibration of {Device}/{Sensor}: span {Span} flagged C for {SimDuration.Format(Duration)}";
}

public enum FaultMode
{
    Stuck,
    Noise,
    Drift,
    Dead,
    Scale,
}

/// <summary>One sensor misbehaves for <see cref="Duration"/>.</summary>
public sealed record SensorFault(TimeSpan At, string Device, string Sensor, string? Quantity, FaultMode Mode, double Amount, TimeSpan Duration) : ScenarioEvent(At)
{
    public override string Describe() => $"sensor fault on {Device}/{Sensor}{(Quantity is null ? "" : "/" + Quantity)}: {Mode.ToString().ToLowerInvariant()} for {SimDuration.Format(Duration)}";
}

/// <summary>The device's network goes down for <see cref="Duration"/>; its outbox keeps the readings.</summary>
public sealed record DeviceOffline(TimeSpan At, string Device, TimeSpan Duration) : ScenarioEvent(At)
{
    public override string Describe() => $"{Device} offline for {SimDuration.Format(Duration)}";
}

/// <summary>
/// The broker goes down for <see cref="DownFor"/> and comes back: only where the run controls
/// the broker (<see cref="IBrokerControl"/>), as the integration suite does.
/// </summary>
public sealed record BrokerRestart(TimeSpan At, TimeSpan DownFor) : ScenarioEvent(At)
{
    public override string Describe() => $"broker restart (down for {SimDuration.Format(DownFor)})";
}

public enum BadPublishKind
{
    Malformed,
    WrongUnit,
    ForeignTopic,
}

/// <summary>A device (with its own credentials) publishes something the system must reject.</summary>
public sealed record BadPublish(TimeSpan At, BadPublishKind Kind, string Device, string? Victim, int Count) : ScenarioEvent(At)
{
    public override string Describe() => Kind switch
    {
        BadPublishKind.Malformed => $"{Device} publishes {Count} malformed payload(s)",
        BadPublishKind.WrongUnit => $"{Device} publishes {Count} batch(es) with NMHC in ppm",
        _ => $"{Device} publishes {Count} batch(es) on {Victim}'s topic",
    };
}

/// <summary>What the system must do.</summary>
public abstract record Expectation
{
    public abstract string Describe();
}

/// <summary>An alert of <see cref="Rule"/> in the scope raised by <see cref="By"/>, and cleared by <see cref="ClearedBy"/> if given.</summary>
public sealed record AlertExpectation(string Rule, string? Enterprise, string? Device, string? Sensor, TimeSpan By, TimeSpan? ClearedBy) : Expectation
{
    public string Scope => string.Join('/', new[] { Enterprise, Device, Sensor }.Where(s => s is not null));

    public override string Describe() =>
        $"alert {Rule} at {(Scope.Length == 0 ? "the park" : Scope)} raised by +{SimDuration.Format(By)}" + (ClearedBy is { } c ? $", cleared by +{SimDuration.Format(c)}" : "");
}

/// <summary>No alert of <see cref="Rule"/> (any rule when null) in the scope for the whole run.</summary>
public sealed record NoAlertExpectation(string? Rule, string? Enterprise) : Expectation
{
    public override string Describe() => $"no alert {Rule ?? "of any rule"}{(Enterprise is null ? "" : " at " + Enterprise)}";
}

/// <summary>Every reading the devices produced is in InfluxDB at the end: nothing lost.</summary>
public sealed record DeliveredExpectation : Expectation
{
    public override string Describe() => "every reading produced is stored in InfluxDB";
}

/// <summary>A dead letter for the device by <see cref="By"/>.</summary>
public sealed record DeadLetterExpectation(string Device, TimeSpan By) : Expectation
{
    public override string Describe() => $"a dead letter for {Device} by +{SimDuration.Format(By)}";
}

/// <summary>
/// A person of the duty roster told of an alert of <see cref="Rule"/> by <see cref="Channel"/> (email, sms)
/// at escalation <see cref="Level"/> by <see cref="By"/>, and after everyone the same alert's lower levels told.
/// </summary>
public sealed record NotifiedExpectation(string Rule, string To, string Channel, int Level, TimeSpan By) : Expectation
{
    public override string Describe() => $"{To} told of {Rule} by {Channel} at level {Level} by +{SimDuration.Format(By)}";
}

/// <summary>Nobody (or this person) is told of an alert of <see cref="Rule"/> by <see cref="Channel"/> (any when null).</summary>
public sealed record NotNotifiedExpectation(string Rule, string? To, string? Channel) : Expectation
{
    public override string Describe() => $"{To ?? "nobody"} told of {Rule}{(Channel is null ? "" : " by " + Channel)}: never";
}

/// <summary>Nothing stored for this device and sensor (a publish that had to be refused).</summary>
public sealed record NotStoredExpectation(string Device, string Sensor) : Expectation
{
    public override string Describe() => $"nothing stored for {Device}/{Sensor}";
}
