using System.Globalization;
using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Simulated;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SmartPark.Simulator.Scenarios;

/// <summary>Reads a scenario file and checks it against its park, naming every problem it finds.</summary>
public static class ScenarioLoader
{
    public const string ForeignSensor = "intruder-1";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithEnumNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static Scenario Load(string path)
    {
        ScenarioDocument? document;
        try
        {
            document = Yaml.Deserialize<ScenarioDocument>(File.ReadAllText(path));
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{path}: line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
        if (document is null)
            throw new InvalidDataException($"{path}: empty scenario file");
        if (string.IsNullOrWhiteSpace(document.Park))
            throw new InvalidDataException($"{path}: 'park' (a park file, relative to the scenario) is required");
        var parkPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, document.Park));
        var park = ParkFile.Load(parkPath);
        var problems = new List<string>();
        var scenario = Compile(document, park, Path.GetFullPath(path), problems);
        if (problems.Count > 0)
            throw new InvalidDataException($"{path}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
        return scenario;
    }

    public static Scenario Compile(ScenarioDocument d, ParkDefinition park, string sourcePath, List<string> problems)
    {
        var names = new ParkNames(park);
        // Up to a simulated day per wall second: what a scenario that unfolds over days (leakage-creep) needs to fit the suite.
        if (d.Clock.Speed is < 1 or > 86_400 || double.IsNaN(d.Clock.Speed))
            problems.Add($"clock.speed {d.Clock.Speed} must be between 1 (real time) and 86400 (a day a second)");
        TimeSpan? start = null;
        if (d.Clock.Start is { } s)
        {
            if (TimeSpan.TryParseExact(s, @"hh\:mm", CultureInfo.InvariantCulture, out var tod))
                start = tod;
            else
                problems.Add($"clock.start '{s}' must be a time of day HH:mm (China time)");
        }
        var sampleEvery = SimDuration.Parse(d.Clock.SampleEvery, "clock.sampleEvery", problems);
        var duration = SimDuration.Parse(d.Duration, "duration", problems);
        if (duration is null && !d.Continue)
            problems.Add("duration is required unless 'continue: true' keeps the park running");
        if (d.Expect.Count > 0 && (duration is null || d.Continue))
            problems.Add("expectations need a duration and no 'continue': a check must end");

        // Each read becomes a batch through the outbox, the broker and Ingest: faster than
        // every 50 ms of wall time per device, the machine rather than the scenario sets the pace.
        var fastest = sampleEvery ?? TimeSpan.FromMilliseconds(park.Enterprises.SelectMany(e => e.Devices).SelectMany(x => x.Sensors).Select(x => x.IntervalMs).DefaultIfEmpty(1000).Min());
        if (d.Clock.Speed >= 1 && fastest / d.Clock.Speed < TimeSpan.FromMilliseconds(50))
            problems.Add($"sensors read every {SimDuration.Format(fastest)} at speed {d.Clock.Speed} is every {(fastest / d.Clock.Speed).TotalMilliseconds:0.#} ms of wall time; set clock.sampleEvery to at least {SimDuration.Format(TimeSpan.FromMilliseconds(50) * d.Clock.Speed)}");

        var events = new List<ScenarioEvent>();
        for (var i = 0; i < d.Events.Count; i++)
        {
            if (CompileEvent(d.Events[i], $"events[{i}]", names, problems) is { } e)
            {
                events.Add(e);
                if (duration is { } total && e.At > total)
                    problems.Add($"events[{i}] at +{SimDuration.Format(e.At)} is after the scenario's end (+{SimDuration.Format(total)})");
            }
        }
        var expectations = new List<Expectation>();
        for (var i = 0; i < d.Expect.Count; i++)
        {
            if (CompileExpectation(d.Expect[i], $"expect[{i}]", names, problems) is { } x)
            {
                expectations.Add(x);
                // What happens after the devices stop is not the scenario's doing (an alert that
                // clears once readings stop, devices going offline): deadlines fall within the run.
                var latest = x switch { AlertExpectation a => a.ClearedBy ?? a.By, DeadLetterExpectation l => l.By, NotifiedExpectation n => n.By, _ => TimeSpan.Zero };
                if (duration is { } total && latest > total)
                    problems.Add($"expect[{i}]: deadline +{SimDuration.Format(latest)} is after the scenario's end (+{SimDuration.Format(total)})");
            }
        }
        var escalationAfter = SimDuration.Parse(d.Escalation?.After, "escalation.after", problems);
        if (escalationAfter is { } wait && wait <= TimeSpan.Zero)
            problems.Add("escalation.after must be positive");
        foreach (var a in d.Assumes)
        {
            if (string.IsNullOrWhiteSpace(a.Rule))
                problems.Add("assumes: every entry names a rule");
            SimDuration.Parse(a.HoldOff, $"assumes {a.Rule}: holdOff", problems);
            SimDuration.Parse(a.MinSilence, $"assumes {a.Rule}: minSilence", problems);
        }

        return new Scenario
        {
            Name = d.Name ?? Path.GetFileNameWithoutExtension(sourcePath),
            Description = d.Description,
            SourcePath = sourcePath,
            Park = park,
            Seed = d.Seed,
            Speed = d.Clock.Speed,
            StartTimeOfDay = start,
            SampleEvery = sampleEvery,
            Duration = duration,
            Continue = d.Continue,
            Assumes = d.Assumes,
            EscalationAfter = escalationAfter,
            Events = events.OrderBy(e => e.At).ToList(),
            Expectations = expectations,
        };
    }

    private static ScenarioEvent? CompileEvent(EventDocument e, string where, ParkNames names, List<string> problems)
    {
        var count = problems.Count;
        var at = SimDuration.Parse(e.At ?? "", $"{where}.at", problems) ?? TimeSpan.Zero;
        TimeSpan Need(string? value, string field, string fallback) => SimDuration.Parse(value ?? fallback, $"{where}.{field}", problems) ?? TimeSpan.Zero;
        ScenarioEvent? result;
        switch (e.Kind)
        {
            case "voc-leak":
                names.Enterprise(e.Enterprise, where, problems);
                result = new VocLeak(at, e.Enterprise ?? "", e.Sensor, e.Peak ?? 30, Need(e.Ramp, "ramp", "5m"), Need(e.Hold, "hold", "5m"), Need(e.Recover, "recover", "5m"));
                break;
            case "fire":
                names.Enterprise(e.Enterprise, where, problems);
                result = new Fire(at, e.Enterprise ?? "", e.RatePerMinute ?? 6, e.MaxRise ?? 60, Need(e.SmokeAfter, "smokeAfter", "2m"), Need(e.FlameAfter, "flameAfter", "4m"), Need(e.Duration, "duration", "10m"));
                break;
            case "illegal-operation":
                if (names.Enterprise(e.Enterprise, where, problems) is { Status: not "shut_down" } open)
                    problems.Add($"{where}: enterprise '{open.Id}' is {open.Status}; illegal operation needs a shut_down enterprise");
                result = new IllegalOperation(at, e.Enterprise ?? "", e.Kw ?? 40, Need(e.Duration, "duration", "30m"));
                break;
            case "sensor-fault":
                names.Sensor(e.Device, e.Sensor, where, problems);
                FaultMode mode = default;
                if (!Enum.TryParse(e.Mode, ignoreCase: true, out mode) || int.TryParse(e.Mode, out _))
                    problems.Add($"{where}: mode '{e.Mode}' is not stuck, noise, drift, dead or scale");
                var amount = mode == FaultMode.Scale ? e.Factor ?? 10 : e.Amount ?? 1;
                result = new SensorFault(at, e.Device ?? "", e.Sensor ?? "", e.Quantity, mode, amount, Need(e.Duration, "duration", "10m"));
                break;
            case "device-offline":
                names.Device(e.Device, where, problems);
                result = new DeviceOffline(at, e.Device ?? "", Need(e.Duration, "duration", "5m"));
                break;
            case "broker-restart":
                result = new BrokerRestart(at, Need(e.Duration, "duration", "30s"));
                break;
            case "malformed-payload" or "wrong-unit" or "foreign-topic":
                names.Device(e.Device, where, problems);
                var kind = e.Kind switch { "malformed-payload" => BadPublishKind.Malformed, "wrong-unit" => BadPublishKind.WrongUnit, _ => BadPublishKind.ForeignTopic };
                if (kind == BadPublishKind.ForeignTopic)
                    names.Device(e.Victim, where + ".victim", problems);
                if (e.Count is < 1 or > 1000)
                    problems.Add($"{where}: count {e.Count} must be 1 to 1000");
                result = new BadPublish(at, kind, e.Device ?? "", e.Victim, e.Count);
                break;
            case "flue-gas-exceedance":
                var stack = names.Enterprise(e.Enterprise, where, problems);
                if (stack is not null)
                    names.Reporting(stack, e.Sensor, QuantityCatalogue.Oxygen.Name, "a flue-gas analyser", where, problems);
                if (e.O2 is not null && (e.O2 <= 0 || e.O2 >= SimulatedFlueGasAnalyser.AirOxygen || double.IsNaN(e.O2.Value)))
                    problems.Add($"{where}: o2 {e.O2} must be a % by volume above 0 and below that of air ({SimulatedFlueGasAnalyser.AirOxygen})");
                result = new FlueGasExceedance(at, e.Enterprise ?? "", e.Sensor, e.O2 ?? 15, Need(e.Ramp, "ramp", "5m"), Need(e.Hold, "hold", "30m"), Need(e.Recover, "recover", "5m"));
                break;
            case "night-discharge":
                var works = names.Enterprise(e.Enterprise, where, problems);
                if (works is { Status: not "shut_down" })
                    problems.Add($"{where}: enterprise '{works.Id}' is {works.Status}; a night discharge needs a shut_down enterprise");
                if (works is not null)
                    names.Reporting(works, null, QuantityCatalogue.WastewaterFlow.Name, "a wastewater flow meter", where, problems);
                if (e.Flow is <= 0 or > 10_000 || (e.Flow is { } flow && double.IsNaN(flow)))
                    problems.Add($"{where}: flow {e.Flow} must be above 0 and at most 10000 L/s");
                result = new NightDischarge(at, e.Enterprise ?? "", e.Flow ?? 3, Need(e.Duration, "duration", "30m"));
                break;
            case "treatment-off":
                names.SensorReporting(e.Device, e.Sensor, QuantityCatalogue.Power.Name, "an electricity meter (a treatment meter)", where, problems);
                if (e.Kw is < 0 || (e.Kw is { } kw && double.IsNaN(kw)))
                    problems.Add($"{where}: kw {e.Kw} must be at least 0");
                result = new TreatmentOff(at, e.Device ?? "", e.Sensor ?? "", e.Kw ?? 0.2, Need(e.Duration, "duration", "30m"));
                break;
            case "calibration":
                names.SensorReporting(e.Device, e.Sensor, null, "an analyser", where, problems);
                if (e.Span is <= 0 || (e.Span is { } span && double.IsNaN(span)))
                    problems.Add($"{where}: span {e.Span} must be above 0");
                result = new Calibration(at, e.Device ?? "", e.Sensor ?? "", e.Span ?? 400, Need(e.Duration, "duration", "15m"));
                break;
            case "excursion":
                if (e.Quantity is null || !QuantityCatalogue.TryGet(e.Quantity, out var moved) || moved.IsDerived)
                    problems.Add($"{where}: quantity '{e.Quantity}' is not a measured quantity of the catalogue");
                else
                    names.SensorReporting(e.Device, e.Sensor, e.Quantity, $"reporting {e.Quantity}", where, problems);
                if (e.To is not { } to || double.IsNaN(to))
                    problems.Add($"{where}: 'to' (the value the quantity is taken to) is missing");
                result = new Excursion(at, e.Device ?? "", e.Sensor ?? "", e.Quantity ?? "", e.To ?? 0, Need(e.Ramp, "ramp", "5m"), Need(e.Hold, "hold", "10m"), Need(e.Recover, "recover", "5m"));
                break;
            default:
                problems.Add($"{where}: kind '{e.Kind}' is not voc-leak, fire, illegal-operation, sensor-fault, device-offline, broker-restart, malformed-payload, wrong-unit, foreign-topic, flue-gas-exceedance, night-discharge, treatment-off, calibration or excursion");
                return null;
        }
        return problems.Count == count ? result : null;
    }

    private static Expectation? CompileExpectation(ExpectationDocument x, string where, ParkNames names, List<string> problems)
    {
        var count = problems.Count;
        Expectation? result;
        switch (x.Kind)
        {
            case "alert":
                if (string.IsNullOrWhiteSpace(x.Rule))
                    problems.Add($"{where}: an alert expectation names its rule");
                if (x.Enterprise is not null)
                    names.Enterprise(x.Enterprise, where, problems);
                if (x.Device is not null)
                    names.Device(x.Device, where, problems);
                var by = SimDuration.Parse(x.By, $"{where}.by", problems);
                if (by is null)
                    problems.Add($"{where}: 'by' (simulated time from the start) is required");
                result = new AlertExpectation(x.Rule ?? "", x.Enterprise, x.Device, x.Sensor, by ?? TimeSpan.Zero, SimDuration.Parse(x.ClearedBy, $"{where}.clearedBy", problems));
                break;
            case "no-alert":
                if (x.Enterprise is not null)
                    names.Enterprise(x.Enterprise, where, problems);
                result = new NoAlertExpectation(x.Rule, x.Enterprise);
                break;
            case "delivered":
                result = new DeliveredExpectation();
                break;
            case "dead-letter":
                names.Device(x.Device, where, problems);
                result = new DeadLetterExpectation(x.Device ?? "", SimDuration.Parse(x.By ?? "", $"{where}.by", problems) ?? TimeSpan.Zero);
                break;
            case "not-stored":
                names.Device(x.Device, where, problems);
                result = new NotStoredExpectation(x.Device ?? "", x.Sensor ?? ForeignSensor);
                break;
            case "notified":
                if (string.IsNullOrWhiteSpace(x.Rule) || string.IsNullOrWhiteSpace(x.To) || x.Channel is not ("email" or "sms") || x.Level is not >= 0)
                    problems.Add($"{where}: a notified expectation names its rule, to (a person of the duty roster), channel (email or sms) and level (0 the first on duty)");
                var told = SimDuration.Parse(x.By, $"{where}.by", problems);
                if (told is null)
                    problems.Add($"{where}: 'by' (simulated time from the start) is required");
                result = new NotifiedExpectation(x.Rule ?? "", x.To ?? "", x.Channel ?? "", x.Level ?? 0, told ?? TimeSpan.Zero);
                break;
            case "not-notified":
                if (string.IsNullOrWhiteSpace(x.Rule) || x.Channel is not (null or "email" or "sms"))
                    problems.Add($"{where}: a not-notified expectation names its rule (and may name to and channel, email or sms)");
                result = new NotNotifiedExpectation(x.Rule ?? "", x.To, x.Channel);
                break;
            default:
                problems.Add($"{where}: kind '{x.Kind}' is not alert, no-alert, delivered, dead-letter, not-stored, notified or not-notified");
                return null;
        }
        return problems.Count == count ? result : null;
    }

    /// <summary>Resolves the park's names for error messages that say what exists.</summary>
    private sealed class ParkNames(ParkDefinition park)
    {
        public EnterpriseDefinition? Enterprise(string? id, string where, List<string> problems)
        {
            var found = park.Enterprises.FirstOrDefault(e => e.Id == id);
            if (found is null)
                problems.Add($"{where}: enterprise '{id}' is not in park {park.Park.Id} (has {string.Join(", ", park.Enterprises.Select(e => e.Id))})");
            return found;
        }

        public DeviceDefinition? Device(string? id, string where, List<string> problems)
        {
            var found = park.Enterprises.SelectMany(e => e.Devices).FirstOrDefault(d => d.Id == id);
            if (found is null)
                problems.Add($"{where}: device '{id}' is not in park {park.Park.Id} (has {string.Join(", ", park.Enterprises.SelectMany(e => e.Devices).Select(d => d.Id))})");
            return found;
        }

        public SensorOptions? Sensor(string? device, string? sensor, string where, List<string> problems)
        {
            if (Device(device, where, problems) is not { } d)
                return null;
            var found = d.Sensors.FirstOrDefault(s => s.Id == sensor);
            if (found is null)
                problems.Add($"{where}: device '{device}' has no sensor '{sensor}' (has {string.Join(", ", d.Sensors.Select(s => s.Id))})");
            return found;
        }

        /// <summary>The device's sensor, which must report <paramref name="quantity"/> (null: an analysed
        /// quantity, <see cref="Calibrations.IsAnalysed"/>).</summary>
        public void SensorReporting(string? device, string? sensor, string? quantity, string what, string where, List<string> problems)
        {
            if (Sensor(device, sensor, where, problems) is { } found && !Reports(found, quantity))
                problems.Add($"{where}: sensor '{sensor}' of device '{device}' ({found.Driver}) is not {what}: it does not report {quantity ?? "an analysed concentration"}");
        }

        /// <summary>The enterprise has a sensor (the named one, if any) that reports <paramref name="quantity"/>.</summary>
        public void Reporting(EnterpriseDefinition enterprise, string? sensor, string quantity, string what, string where, List<string> problems)
        {
            var sensors = enterprise.Devices.SelectMany(d => d.Sensors).Where(s => sensor is null || s.Id == sensor).ToList();
            if (sensor is not null && sensors.Count == 0)
                problems.Add($"{where}: enterprise '{enterprise.Id}' has no sensor '{sensor}' (has {string.Join(", ", enterprise.Devices.SelectMany(d => d.Sensors).Select(s => s.Id).Distinct())})");
            else if (!sensors.Any(s => Reports(s, quantity)))
                problems.Add($"{where}: {(sensor is null ? $"enterprise '{enterprise.Id}' has no" : $"sensor '{sensor}' of enterprise '{enterprise.Id}' is not")} {what} (reporting {quantity})");
        }

        private static bool Reports(SensorOptions sensor, string? quantity)
        {
            if (DriverCatalogue.Find(sensor.Driver) is null)
                return false;
            var quantities = DriverCatalogue.QuantitiesOf(sensor);
            return quantity is null ? quantities.Any(Calibrations.IsAnalysed) : quantities.Contains(quantity);
        }
    }
}
