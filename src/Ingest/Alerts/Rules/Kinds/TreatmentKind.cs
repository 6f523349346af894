using System.ComponentModel;
using System.Text.Json.Serialization;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Registry;

namespace SmartPark.Ingest.Alerts.Rules.Kinds;

/// <summary>
/// What the treatment-equipment kinds share (分表计电: production and pollution-treatment equipment on
/// their own meters, registry <c>role: production|treatment</c>): each power reading of a role meter
/// updates that meter's latest value; then the enterprise's production power (sum over its
/// production meters) and whether its treatment equipment runs (any treatment meter above its idle
/// load) are judged by <see cref="Holds"/>, which must hold for <see cref="For"/> on reading time
/// (so accelerated simulations work, as in <see cref="RegistryKind"/>). An enterprise without both
/// a production and a treatment meter is not judged. The two power curves, one mean per minute over
/// <see cref="EvidenceWindow"/>, are the alert's evidence.
/// </summary>
public abstract class TreatmentKind<TState> : MeteredEnterpriseKind where TState : TreatmentState, new()
{
    /// <summary>Evidence windows are bounded so an alert document stays small (two curves of at most 360 points, one a minute).</summary>
    public static readonly TimeSpan MaxEvidenceWindow = TimeSpan.FromHours(6);

    private static readonly TimeSpan DefaultEvidenceWindow = TimeSpan.FromHours(2);
    private static readonly TimeSpan DefaultMaxSilence = TimeSpan.FromMinutes(10);
    private const long Minute = 60_000;

    [Description("Production runs when the sum of the production meters' power is above this (kW).")]
    public double? ProductionFloor { get; set; }

    [Description("A treatment meter at or below this power (kW) counts as not running, unless the registry gives the meter its own idleLoad.")]
    public double? IdleLoad { get; set; }

    [Description("How long (reading time) the condition must hold before the alert is raised; the kind's default if empty.")]
    public TimeSpan? For { get; set; }

    [Description("The evidence curves cover this long before the latest reading (default 2 hours, at most 6).")]
    public TimeSpan? EvidenceWindow { get; set; }

    [Description("A meter silent this long (reading time) drops out of the judgement (default 10 minutes).")]
    public TimeSpan? MaxSilence { get; set; }

    /// <summary>The hold when <see cref="For"/> is not set.</summary>
    protected abstract TimeSpan DefaultFor { get; }

    public override string WatchedQuantity => QuantityCatalogue.Power.Name;

    public sealed override Type StateType => typeof(TState);

    public sealed override RuleState NewState() => new TState();

    public override string? AlertUnit(string? quantityUnit) => QuantityCatalogue.Power.Unit;

    public override IEnumerable<string> Missing()
    {
        if (ProductionFloor is null)
            yield return nameof(ProductionFloor);
        if (IdleLoad is null)
            yield return nameof(IdleLoad);
    }

    public override IEnumerable<string> Invalid()
    {
        if (ProductionFloor < 0)
            yield return "ProductionFloor must not be negative";
        if (IdleLoad < 0)
            yield return "IdleLoad must not be negative";
        if (For < TimeSpan.Zero)
            yield return "For must not be negative";
        if (EvidenceWindow is { } window && (window < TimeSpan.FromMinutes(1) || window > MaxEvidenceWindow))
            yield return $"EvidenceWindow must be between 1 minute and {MaxEvidenceWindow.TotalHours:0} hours";
        if (MaxSilence <= TimeSpan.Zero)
            yield return "MaxSilence must be longer than zero";
    }

    /// <summary>Whether the condition holds for the enterprise's power now.</summary>
    protected abstract bool Holds(in EnterprisePower power);

    /// <summary>What the alert shows (kW).</summary>
    protected abstract double ValueOf(in EnterprisePower power);

    public sealed override Verdict OnReading(in MeterReading reading, RuleState state)
    {
        var memory = (TState)state;
        var meters = reading.Registry.RoleMetersOf(reading.Device.Park, reading.Device.Enterprise);
        var meter = Find(meters, reading.Device.Device, reading.Sensor);
        if (meter is null)
            return Verdict.None; // a power meter without a role, or an enterprise without roles: not judged
        if (memory.Latest.TryGetValue(meter.Key, out var latest))
        {
            if (reading.Ts < latest.Ts)
                return Verdict.None; // a late reading (an edge outbox draining) must not move the hold back in time
            latest.Ts = reading.Ts;
            latest.Value = reading.Value;
        }
        else
        {
            memory.Latest[meter.Key] = new MeterLatest { Ts = reading.Ts, Value = reading.Value };
        }
        Forget(memory, meters);

        var power = Sum(meters, memory, reading.Ts);
        if (power.ProductionMeters == 0 || power.TreatmentMeters == 0)
        {
            memory.HeldSinceTs = null; // nothing to compare: no verdict, and the hold starts again
            return Verdict.None;
        }
        var window = (long)(EvidenceWindow ?? DefaultEvidenceWindow).TotalMilliseconds;
        Add(memory.Production, reading.Ts, power.Production, window);
        Add(memory.Treatment, reading.Ts, power.Treatment, window);
        if (!ReferenceEquals(memory.NamedFrom, meters))
        {
            memory.ProductionSensors = string.Join(",", meters.Where(m => m.Role == SensorRoles.Production).Select(m => m.Key));
            memory.TreatmentSensors = string.Join(",", meters.Where(m => m.Role == SensorRoles.Treatment).Select(m => m.Key));
            memory.NamedFrom = meters;
        }

        memory.HeldSinceTs = Holds(power) ? memory.HeldSinceTs ?? reading.Ts : null;
        var hold = (long)(For ?? DefaultFor).TotalMilliseconds;
        return new(memory.HeldSinceTs is { } since && reading.Ts - since >= hold, ValueOf(power));
    }

    public sealed override IReadOnlyList<EvidenceCurve> Evidence(RuleState state)
    {
        var memory = (TState)state;
        return
        [
            Curve("生产设备功率", "Production power", memory.ProductionSensors, memory.Production),
            Curve("治污设备功率", "Treatment equipment power", memory.TreatmentSensors, memory.Treatment),
        ];
    }

    public sealed override long EvidenceVersion(RuleState state) =>
        ((TState)state).Production is { Count: > 0 } minutes ? minutes[^1].Minute : 0;

    private static EvidenceCurve Curve(string label, string labelEn, string? sensors, List<MinuteMean> minutes) => new()
    {
        Label = label,
        LabelEn = labelEn,
        Quantity = QuantityCatalogue.Power.Name,
        Unit = QuantityCatalogue.Power.Unit,
        Sensor = sensors,
        Points = [.. minutes.Select(m => new EvidencePoint(m.Minute, Math.Round(m.Sum / m.Count, 3)))],
    };

    private static RoleMeter? Find(IReadOnlyList<RoleMeter> meters, string device, string sensor)
    {
        for (var i = 0; i < meters.Count; i++)
        {
            if (meters[i].Sensor == sensor && meters[i].Device == device)
                return meters[i];
        }
        return null;
    }

    private EnterprisePower Sum(IReadOnlyList<RoleMeter> meters, TState memory, long now)
    {
        var silence = (long)(MaxSilence ?? DefaultMaxSilence).TotalMilliseconds;
        var power = new EnterprisePower();
        foreach (var meter in meters)
        {
            if (!memory.Latest.TryGetValue(meter.Key, out var latest) || now - latest.Ts > silence)
                continue;
            if (meter.Role == SensorRoles.Production)
            {
                power.Production += latest.Value;
                power.ProductionMeters++;
            }
            else if (meter.Role == SensorRoles.Treatment)
            {
                power.Treatment += latest.Value;
                power.TreatmentMeters++;
                if (latest.Value > (meter.IdleLoad ?? IdleLoad!.Value))
                    power.TreatmentRunning = true;
            }
        }
        return power;
    }

    /// <summary>Meters the registry no longer gives a role are forgotten, so the memory stays as small as the enterprise's meters.</summary>
    private static void Forget(TState memory, IReadOnlyList<RoleMeter> meters)
    {
        if (memory.Latest.Count <= meters.Count)
            return;
        foreach (var key in memory.Latest.Keys.Where(k => !meters.Any(m => m.Key == k)).ToList())
            memory.Latest.Remove(key);
    }

    /// <summary>Adds a value to its minute's mean and drops minutes older than the window.</summary>
    private static void Add(List<MinuteMean> minutes, long ts, double value, long window)
    {
        var minute = ts - (((ts % Minute) + Minute) % Minute);
        if (minutes.Count > 0 && minutes[^1].Minute == minute)
        {
            minutes[^1].Sum += value;
            minutes[^1].Count++;
        }
        else if (minutes.Count == 0 || minutes[^1].Minute < minute)
        {
            minutes.Add(new MinuteMean { Minute = minute, Sum = value, Count = 1 });
        }
        var oldest = minutes[^1].Minute - window;
        var drop = 0;
        while (drop < minutes.Count && minutes[drop].Minute <= oldest)
            drop++;
        if (drop > 0)
            minutes.RemoveRange(0, drop);
    }
}

/// <summary>The enterprise's power as the treatment kinds judge it: production and treatment sums (kW) over the meters heard lately.</summary>
public struct EnterprisePower
{
    public double Production;
    public int ProductionMeters;
    public double Treatment;
    public int TreatmentMeters;
    /// <summary>Any treatment meter above its idle load.</summary>
    public bool TreatmentRunning;
}

/// <summary>What a treatment rule remembers of one enterprise: each role meter's latest reading, since
/// when the condition has held (reading time), and a mean per minute of production and treatment power
/// over the evidence window. Each kind has its own subtype, as the saved state names kinds by type.</summary>
public abstract class TreatmentState : RuleState
{
    /// <summary>Latest reading per meter, by <see cref="RoleMeter.Key"/>.</summary>
    public Dictionary<string, MeterLatest> Latest { get; set; } = [];
    public long? HeldSinceTs { get; set; }
    public List<MinuteMean> Production { get; set; } = [];
    public List<MinuteMean> Treatment { get; set; } = [];
    public string? ProductionSensors { get; set; }
    public string? TreatmentSensors { get; set; }

    /// <summary>The meter list the sensor names were taken from (a registry version); not saved.</summary>
    [JsonIgnore]
    internal IReadOnlyList<RoleMeter>? NamedFrom { get; set; }
}

/// <summary>One meter's latest reading (Unix ms, kW).</summary>
public sealed class MeterLatest
{
    public long Ts { get; set; }
    public double Value { get; set; }
}

/// <summary>The readings of one minute (its start, Unix ms), summed and counted.</summary>
public sealed class MinuteMean
{
    public long Minute { get; set; }
    public double Sum { get; set; }
    public int Count { get; set; }
}
