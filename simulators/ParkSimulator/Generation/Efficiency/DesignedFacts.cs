using SmartPark.Efficiency.Evaluation;

namespace SmartPark.Simulator.Generation.Efficiency;

/// <summary>
/// What the evaluation is given for a designed enterprise once its meters' year has been read:
/// the design's land, floor, standing, economics and agreement, and the energy <c>use</c>
/// says each counter counted (from stored consumption, or from the raw readings), in tce at the
/// default calorific coefficients. Lets a test put the system's reading of the year against the design.
/// </summary>
public static class DesignedFacts
{
    public static EnterpriseFacts Of(EnterpriseDesign design, Func<CounterDesign, double> use, double coverage = 1, IReadOnlyList<string>? flags = null)
    {
        var energy = design.Meter.Counters.ToDictionary(c => c.Quantity, use, StringComparer.Ordinal);
        var kwh = energy.GetValueOrDefault("energy");
        var gas = energy.GetValueOrDefault("gas_volume");
        return new EnterpriseFacts
        {
            ParkId = design.ParkId,
            EnterpriseId = design.EnterpriseId,
            NameZh = design.EnterpriseId,
            Industry = design.Industry,
            LandAreaMu = design.LandAreaMu,
            FloorAreaM2 = design.FloorAreaM2,
            Standing = design.Standing,
            Economics = new EconomicFigures(design.OutputValue, design.ValueAdded, design.Revenue, design.TaxPaid, design.Employees, design.RdSpending),
            Energy = new EnergyFigures(kwh, (kwh * EfficiencyDesigner.TcePerKwh) + (gas * EfficiencyDesigner.TcePerGasM3), energy.GetValueOrDefault("water_volume"), coverage, flags ?? []),
            Agreement = design.Agreement is { } a
                ? new AgreementTargets(a.InvestmentMade, a.InvestmentIntensityTarget, a.OutputPerMuTarget, a.TaxPerMuTarget, a.EnergyPerOutputTarget)
                : null,
        };
    }
}
