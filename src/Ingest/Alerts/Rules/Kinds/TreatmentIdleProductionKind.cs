namespace SmartPark.Ingest.Alerts.Rules.Kinds;

/// <summary>
/// Treatment equipment runs (a treatment meter above its idle load) while the metered production
/// stays at or below <c>ProductionFloor</c>, for <c>For</c> (default 2 days): a hint that something
/// produces on a line without a production meter (a bypass). The alert shows the production power.
/// </summary>
public sealed class TreatmentIdleProductionKind : TreatmentKind<TreatmentIdleProductionState>
{
    private static readonly RuleKindTitles KindTitles = new("治污设备运行而生产停止", "treatment running without production");

    public override string Name => "treatment-idle-production";

    public override RuleKindTitles Titles => KindTitles;

    public override double? AlertLimit => ProductionFloor;

    protected override TimeSpan DefaultFor => TimeSpan.FromDays(2);

    protected override bool Holds(in EnterprisePower power) => power.TreatmentRunning && power.Production <= ProductionFloor!.Value;

    protected override double ValueOf(in EnterprisePower power) => power.Production;
}

/// <summary>The treatment-idle-production rule's memory of an enterprise.</summary>
public sealed class TreatmentIdleProductionState : TreatmentState;
