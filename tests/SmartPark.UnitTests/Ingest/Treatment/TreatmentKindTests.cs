using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Alerts;
using SmartPark.Ingest.Alerts.Rules.Kinds;

namespace SmartPark.UnitTests.Ingest.Treatment;

/// <summary>
/// The treatment-equipment kinds (分表计电) on their own: production power against treatment power at
/// one enterprise, judged on reading time, with the meters' roles and idle loads from the registry.
/// </summary>
public sealed class TreatmentKindTests
{
    private static readonly DeviceAddress Edge = new("p1", "e1", "d1");
    private const long Minute = 60_000;

    /// <summary>The registry's role meters of enterprise p1/e1 (none elsewhere).</summary>
    internal sealed class Roles(params RoleMeter[] meters) : IEnterpriseStatus
    {
        public List<RoleMeter> Meters { get; } = [.. meters];

        public string? StatusOf(string park, string enterprise) => "operating";

        public IReadOnlyList<RoleMeter> RoleMetersOf(string park, string enterprise) => park == "p1" && enterprise == "e1" ? Meters : [];
    }

    internal static RoleMeter ProductionMeter(string sensor = "prod-1") => new("d1", sensor, SensorRoles.Production, null);

    internal static RoleMeter TreatmentMeter(string sensor = "treat-1", double? idleLoad = null) => new("d1", sensor, SensorRoles.Treatment, idleLoad);

    private static TreatmentOffKind Off() => new() { ProductionFloor = 5, IdleLoad = 1, For = TimeSpan.FromMinutes(15) };

    private static Verdict Read(MeteredEnterpriseKind kind, RuleState state, IEnterpriseStatus roles, double minutes, string sensor, double kw, DeviceAddress? device = null) =>
        kind.OnReading(new MeterReading(device ?? Edge, sensor, (long)(minutes * Minute), kw, roles), state);

    /// <summary>Both meters read once a minute from <paramref name="from"/> to <paramref name="to"/> (minutes), production first; the last verdict.</summary>
    private static Verdict Run(MeteredEnterpriseKind kind, RuleState state, IEnterpriseStatus roles, int from, int to, double production, double treatment)
    {
        var verdict = Verdict.None;
        for (var m = from; m <= to; m++)
        {
            Read(kind, state, roles, m, "prod-1", production);
            verdict = Read(kind, state, roles, m, "treat-1", treatment);
        }
        return verdict;
    }

    [Fact]
    public void Production_on_with_treatment_off_for_the_hold_raises_and_treatment_running_again_clears()
    {
        var roles = new Roles(ProductionMeter(), TreatmentMeter());
        var kind = Off();
        var state = kind.NewState();

        Assert.Equal(Verdict.None, Read(kind, state, roles, 0, "prod-1", 50)); // no treatment reading yet: nothing to compare
        Assert.Equal(new Verdict(false, 0.2), Read(kind, state, roles, 0, "treat-1", 0.2)); // the hold starts
        Assert.Equal(new Verdict(false, 0.2), Read(kind, state, roles, 7, "treat-1", 0.2));
        Assert.Equal(new Verdict(false, 0.2), Read(kind, state, roles, 14.9, "prod-1", 52));
        Assert.Equal(new Verdict(true, 0.3), Read(kind, state, roles, 15, "treat-1", 0.3)); // 15 minutes of reading time
        Assert.Equal(new Verdict(true, 0.3), Read(kind, state, roles, 16, "prod-1", 48));
        Assert.Equal(new Verdict(false, 8), Read(kind, state, roles, 17, "treat-1", 8)); // the scrubber's fan is on again
        Assert.Null(((TreatmentState)state).HeldSinceTs);
    }

    [Fact]
    public void Production_stopping_clears_and_the_hold_starts_again_when_it_resumes()
    {
        var roles = new Roles(ProductionMeter(), TreatmentMeter());
        var kind = Off();
        var state = kind.NewState();
        Assert.Equal(new Verdict(true, 0), Run(kind, state, roles, 0, 20, production: 40, treatment: 0));
        Assert.False(Run(kind, state, roles, 21, 21, production: 5, treatment: 0).Met); // at the floor is not production
        Assert.False(Run(kind, state, roles, 22, 36, production: 40, treatment: 0).Met); // resumed: a fresh 15 minutes
        Assert.True(Run(kind, state, roles, 37, 37, production: 40, treatment: 0).Met);
    }

    [Fact]
    public void An_enterprise_without_a_treatment_meter_or_without_roles_is_not_judged()
    {
        var kind = Off();
        var onlyProduction = new Roles(ProductionMeter());
        var state = kind.NewState();
        for (var m = 0; m <= 60; m += 5)
            Assert.Equal(Verdict.None, Read(kind, state, onlyProduction, m, "prod-1", 80));

        // A power meter without a role, or an enterprise the registry gives no roles: no verdict either.
        var roles = new Roles(ProductionMeter(), TreatmentMeter());
        var other = kind.NewState();
        Assert.Equal(Verdict.None, Read(kind, other, roles, 0, "lighting", 3));
        Assert.Equal(Verdict.None, Read(kind, other, roles, 0, "prod-1", 80, new DeviceAddress("p1", "e2", "d1")));
        Assert.Empty(((TreatmentState)other).Latest);
    }

    [Fact]
    public void A_meters_own_idle_load_replaces_the_rules_default()
    {
        // 2.5 kW: above the rule's 1 kW (running), at or below the meter's registry idleLoad of 3 (off).
        foreach (var (meter, expected) in new[] { (TreatmentMeter(), false), (TreatmentMeter(idleLoad: 3), true) })
        {
            var roles = new Roles(ProductionMeter(), meter);
            var kind = Off();
            var state = kind.NewState();
            Assert.Equal(new Verdict(expected, 2.5), Run(kind, state, roles, 0, 15, production: 60, treatment: 2.5));
        }
    }

    [Fact]
    public void Several_meters_sum_production_and_any_treatment_meter_above_idle_counts_as_running()
    {
        var roles = new Roles(ProductionMeter("prod-1"), ProductionMeter("prod-2"), TreatmentMeter("rto"), TreatmentMeter("scrubber", idleLoad: 0.5));
        var kind = Off();
        var state = kind.NewState();
        Read(kind, state, roles, 0, "prod-1", 3);
        Read(kind, state, roles, 0, "rto", 0.1);
        Assert.Equal(new Verdict(false, 0.1), Read(kind, state, roles, 0, "scrubber", 0)); // 3 kW is not production yet
        Assert.Equal(new Verdict(false, 0.1), Read(kind, state, roles, 1, "prod-2", 4)); // 7 kW: production, the hold starts
        Read(kind, state, roles, 8, "rto", 0.1);
        Read(kind, state, roles, 8, "scrubber", 0);
        Assert.Equal(new Verdict(false, 0.1), Read(kind, state, roles, 8, "prod-2", 4));
        Assert.Equal(new Verdict(true, 0.1), Read(kind, state, roles, 16, "prod-1", 3)); // every meter heard within 10 minutes
        Assert.Equal(new Verdict(false, 0.7), Read(kind, state, roles, 17, "scrubber", 0.6)); // one unit running is enough
    }

    [Fact]
    public void The_hold_is_reading_time_late_readings_are_ignored_and_silent_meters_drop_out()
    {
        var roles = new Roles(ProductionMeter(), TreatmentMeter());
        var kind = Off();
        var state = kind.NewState();
        Assert.False(Run(kind, state, roles, 100, 114, production: 50, treatment: 0).Met);
        // A reading older than the meter's latest (an edge outbox draining) neither judges nor moves the hold.
        Assert.Equal(Verdict.None, Read(kind, state, roles, 90, "treat-1", 9));
        Assert.Equal(100 * Minute, ((TreatmentState)state).HeldSinceTs);
        Assert.True(Read(kind, state, roles, 115, "prod-1", 50).Met);
        // The treatment meter (last heard at 114) silent for more than 10 minutes: nothing to compare, no verdict, the hold starts again.
        Assert.Equal(Verdict.None, Read(kind, state, roles, 124.5, "prod-1", 50));
        Assert.Null(((TreatmentState)state).HeldSinceTs);
    }

    [Fact]
    public void Treatment_running_without_production_for_two_days_hints_at_an_unmetered_line()
    {
        var roles = new Roles(ProductionMeter(), TreatmentMeter(idleLoad: 2));
        var kind = new TreatmentIdleProductionKind { ProductionFloor = 5, IdleLoad = 1 }; // For: the kind's 2 days
        var state = kind.NewState();
        Assert.Equal(Verdict.None, Read(kind, state, roles, 0, "treat-1", 12));
        Assert.Equal(new Verdict(false, 0.5), Read(kind, state, roles, 0, "prod-1", 0.5));
        for (var m = 5.0; m < 2 * 24 * 60; m += 5)
        {
            Read(kind, state, roles, m, "prod-1", 0.5);
            Assert.False(Read(kind, state, roles, m, "treat-1", 12).Met);
        }
        Assert.Equal(new Verdict(true, 0.5), Read(kind, state, roles, 2 * 24 * 60, "prod-1", 0.5));
        Assert.False(Read(kind, state, roles, 2 * 24 * 60 + 1, "treat-1", 1.5).Met); // at or below its idle load of 2: off
        Assert.Equal(new Verdict(false, 30), Read(kind, state, roles, 2 * 24 * 60 + 2, "prod-1", 30));
    }

    [Fact]
    public void Without_For_treatment_off_holds_for_fifteen_minutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(15), TimeSpan.FromMilliseconds(FirstMetAfter(new TreatmentOffKind { ProductionFloor = 5, IdleLoad = 1 })));
    }

    /// <summary>How long (ms of reading time) production at 50 kW with treatment at 0 takes to raise the rule.</summary>
    private static long FirstMetAfter(TreatmentOffKind kind)
    {
        var roles = new Roles(ProductionMeter(), TreatmentMeter());
        var state = kind.NewState();
        for (var ms = 0L; ; ms += 30_000)
        {
            kind.OnReading(new MeterReading(Edge, "prod-1", ms, 50, roles), state);
            if (kind.OnReading(new MeterReading(Edge, "treat-1", ms, 0, roles), state).Met == true)
                return ms;
        }
    }

    [Fact]
    public void Evidence_is_one_mean_per_minute_of_both_sums_over_a_bounded_window()
    {
        var roles = new Roles(ProductionMeter("prod-1"), ProductionMeter("prod-2"), TreatmentMeter());
        var kind = new TreatmentOffKind { ProductionFloor = 5, IdleLoad = 1, EvidenceWindow = TimeSpan.FromMinutes(10) };
        var state = kind.NewState();
        for (var s = 0; s < 30 * 60; s += 20)
        {
            var minutes = s / 60.0;
            Read(kind, state, roles, minutes, "prod-1", 10 + (s / 60));
            Read(kind, state, roles, minutes, "prod-2", 5);
            Read(kind, state, roles, minutes, "treat-1", 0.25);
        }
        var curves = kind.Evidence(state);
        Assert.Equal(["生产设备功率", "治污设备功率"], curves.Select(c => c.Label));
        Assert.Equal(["Production power", "Treatment equipment power"], curves.Select(c => c.LabelEn));
        Assert.All(curves, c => Assert.Equal(("power", "kW"), (c.Quantity, c.Unit)));
        Assert.Equal(("d1/prod-1,d1/prod-2", "d1/treat-1"), (curves[0].Sensor, curves[1].Sensor));
        var production = curves[0].Points;
        // The window's ten minutes before the newest (minute 29), each on its minute's start.
        Assert.Equal(Enumerable.Range(20, 10).Select(m => m * Minute), production.Select(p => p.UnixMs));
        Assert.Equal(29 * Minute, kind.EvidenceVersion(state));
        // Minute m: prod-1 read 10 + m all minute, prod-2 5.
        Assert.Equal(Enumerable.Range(20, 10).Select(m => 15.0 + m), production.Select(p => p.Value));
        Assert.All(curves[1].Points, p => Assert.Equal(0.25, p.Value));
    }

    [Fact]
    public void Settings_are_checked_and_the_evidence_window_is_bounded()
    {
        Assert.Equal(["ProductionFloor", "IdleLoad"], new TreatmentOffKind().Missing());
        Assert.Empty(Off().Invalid());
        Assert.Contains(new TreatmentOffKind { ProductionFloor = 5, IdleLoad = 1, EvidenceWindow = TimeSpan.FromHours(7) }.Invalid(), p => p.StartsWith("EvidenceWindow", StringComparison.Ordinal));
        Assert.Contains(new TreatmentIdleProductionKind { ProductionFloor = -1, IdleLoad = 1 }.Invalid(), p => p.StartsWith("ProductionFloor", StringComparison.Ordinal));
        Assert.Equal(["ProductionFloor", "IdleLoad", "For", "EvidenceWindow", "MaxSilence"], new TreatmentOffKind().SettingProperties().Select(p => p.Name));
    }
}
