namespace SmartPark.Ingest.Alerts.Rules.Kinds;

/// <summary>
/// Production draws power (its meters' sum above <c>ProductionFloor</c>) while none of the
/// enterprise's treatment meters is above its idle load, for <c>For</c> (default 15 minutes):
/// pollution-treatment equipment switched off while the line runs (分表计电). Clears when the
/// treatment equipment runs again or production stops. The alert shows the treatment power.
/// </summary>
public sealed class TreatmentOffKind : TreatmentKind<TreatmentOffState>
{
    private static readonly RuleKindTitles KindTitles = new("生产时治污设备未运行", "treatment off during production");

    public override string Name => "treatment-off";

    public override RuleKindTitles Titles => KindTitles;

    public override double? AlertLimit => IdleLoad;

    protected override TimeSpan DefaultFor => TimeSpan.FromMinutes(15);

    protected override bool Holds(in EnterprisePower power) => power.Production > ProductionFloor!.Value && !power.TreatmentRunning;

    protected override double ValueOf(in EnterprisePower power) => power.Treatment;
}

/// <summary>The treatment-off rule's memory of an enterprise.</summary>
public sealed class TreatmentOffState : TreatmentState;
