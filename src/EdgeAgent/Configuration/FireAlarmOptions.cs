namespace SmartPark.EdgeAgent.Configuration;

/// <summary>
/// Section <c>Agent:FireAlarm</c>: the device's own alarm outputs. Smoke and flame detectors
/// (drivers <c>gpio-smoke</c>, <c>gpio-flame</c>) always trip it; the sensors named in
/// <see cref="HeatSensors"/> trip it at <see cref="HeatThresholdC"/>. Pins are BCM GPIO numbers.
/// </summary>
public sealed class FireAlarmOptions
{
    /// <summary>An active buzzer (it sounds when its pin is at the active level); null for none.</summary>
    public int? BuzzerPin { get; set; }

    public bool BuzzerActiveHigh { get; set; } = true;

    /// <summary>A relay output (beacon, siren, fire-panel input, fan or gas-valve interlock); null for none.</summary>
    public int? RelayPin { get; set; }

    /// <summary>Most opto-isolated relay boards for the Pi switch on a low input.</summary>
    public bool RelayActiveHigh { get; set; }

    /// <summary>A push button that silences the buzzer (not the relay, not the report); null for none.</summary>
    public int? SilencePin { get; set; }

    /// <summary>True for a button to GND with the internal pull-up (the usual wiring).</summary>
    public bool SilenceActiveLow { get; set; } = true;

    /// <summary>
    /// °C at or above which a heat sensor trips the alarm. 57 °C lies in the EN 54-5 / GB 4716
    /// class A1 static response window (54–65 °C).
    /// </summary>
    public double HeatThresholdC { get; set; } = 57;

    /// <summary>Ids of the temperature sensors that act as heat detectors.</summary>
    public List<string> HeatSensors { get; set; } = [];

    /// <summary>Other readings that trip the alarm: gas at its second level, residual current over its setting (<see cref="LocalAlarmLimit"/>).</summary>
    public List<LocalAlarmLimit> Limits { get; set; } = [];

    /// <summary>The sensors whose readings the alarm is given (heat sensors and those of <see cref="Limits"/>).</summary>
    public bool Watches(string sensorId) => HeatSensors.Contains(sensorId) || Limits.Any(l => l.Sensor == sensorId);

    /// <summary>How often the detector inputs are read; with the debounce this bounds the reaction time.</summary>
    public int PollMs { get; set; } = 50;

    public IEnumerable<int> OutputPins() =>
        new[] { BuzzerPin, RelayPin }.Where(p => p is not null).Select(p => p!.Value);

    public IReadOnlyList<string> Validate(IReadOnlyList<SensorOptions> sensors)
    {
        var problems = new List<string>();
        var pins = new[] { ("BuzzerPin", BuzzerPin), ("RelayPin", RelayPin), ("SilencePin", SilencePin) }
            .Where(p => p.Item2 is not null).ToList();
        foreach (var (name, pin) in pins)
        {
            if (pin is < 0 or > 27)
                problems.Add($"Agent:FireAlarm:{name} {pin} is not a header GPIO (0..27)");
        }
        foreach (var clash in pins.GroupBy(p => p.Item2).Where(g => g.Count() > 1))
            problems.Add($"Agent:FireAlarm: {string.Join(" and ", clash.Select(c => c.Item1))} share GPIO{clash.Key}");
        if (PollMs is < 10 or > 500)
            problems.Add("Agent:FireAlarm:PollMs must be 10..500 so the alarm reacts within 1 s");
        if (!double.IsFinite(HeatThresholdC) || HeatThresholdC is < 30 or > 200)
            problems.Add("Agent:FireAlarm:HeatThresholdC must be 30..200 °C");
        foreach (var id in HeatSensors.Where(id => sensors.All(s => s.Id != id)))
            problems.Add($"Agent:FireAlarm:HeatSensors names '{id}', which is not in Agent:Sensors");
        for (var i = 0; i < Limits.Count; i++)
            problems.AddRange(Limits[i].Problems(sensors, i));
        return problems;
    }
}
