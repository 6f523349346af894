using Microsoft.EntityFrameworkCore;
using SmartPark.Contracts.Consumption;
using SmartPark.Contracts.Quantities;
using SmartPark.Dashboard.Efficiency.Consumption;
using SmartPark.Efficiency.Evaluation;
using SmartPark.Efficiency.StandardCoal;
using SmartPark.ParkData;

namespace SmartPark.Dashboard.Efficiency.Evaluation;

/// <summary>
/// Gathers what the evaluation needs of every enterprise of some parks for one calendar year: the
/// park database's enterprise rows (name, industry, land in mu, floor area), the year's economics
/// and standing, the supervision agreement, and the year's metered consumption from the stored
/// consumption (<see cref="ConsumptionReader"/>: electricity in kWh, every energy carrier in tce
/// via <see cref="StandardCoalConverter"/>, water in m³). The year runs from China Standard Time
/// midnight to midnight, as the stored consumption's years do. Callers decide access first.
/// </summary>
public sealed class EnterpriseFactsReader(ConsumptionReader consumption, StandardCoalConverter coal)
{
    /// <summary>The first instant of a calendar year in China Standard Time.</summary>
    public static DateTimeOffset YearStart(int year) => new(year, 1, 1, 0, 0, 0, ConsumptionSeries.CalendarOffset);

    public async Task<IReadOnlyList<EnterpriseFacts>> ReadAsync(ParkDbContext db, IReadOnlyCollection<string> parks, int year, CancellationToken cancellationToken)
    {
        if (parks.Count == 0)
            return [];
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => parks.Contains(e.ParkId))
            .OrderBy(e => e.ParkId).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var economics = (await db.Economics.AsNoTracking().Where(e => parks.Contains(e.ParkId) && e.Year == year).ToListAsync(cancellationToken))
            .ToDictionary(e => (e.ParkId, e.EnterpriseId));
        var agreements = (await db.Agreements.AsNoTracking().Where(a => parks.Contains(a.ParkId)).ToListAsync(cancellationToken))
            .ToDictionary(a => (a.ParkId, a.EnterpriseId));
        var energy = await EnergyAsync(parks, year, cancellationToken);

        return [.. enterprises.Select(e =>
        {
            var economic = economics.GetValueOrDefault((e.ParkId, e.Id));
            var agreement = agreements.GetValueOrDefault((e.ParkId, e.Id));
            return new EnterpriseFacts
            {
                ParkId = e.ParkId,
                EnterpriseId = e.Id,
                NameZh = e.NameZh,
                NameEn = e.NameEn,
                Industry = e.Industry,
                LandAreaMu = e.LandAreaM2 / EnterpriseFacts.SquareMetresPerMu,
                FloorAreaM2 = e.FloorAreaM2,
                Standing = economic?.Standing ?? ParkData.Vocabulary.EvaluationStanding.Graded,
                Economics = economic is null ? null : new EconomicFigures(
                    economic.OutputValue, economic.ValueAdded, economic.Revenue, economic.TaxPaid, economic.Employees, economic.RdSpending),
                Energy = energy.GetValueOrDefault((e.ParkId, e.Id)) ?? EnergyFigures.None,
                Agreement = agreement is null ? null : new AgreementTargets(
                    agreement.InvestmentMade, agreement.InvestmentIntensityTarget, agreement.OutputPerMuTarget,
                    agreement.TaxPerMuTarget, agreement.EnergyPerOutputTarget),
            };
        })];
    }

    /// <summary>Each enterprise's year of every counting quantity, folded into kWh, tce and m³.</summary>
    private async Task<Dictionary<(string Park, string Enterprise), EnergyFigures>> EnergyAsync(IReadOnlyCollection<string> parks, int year, CancellationToken cancellationToken)
    {
        var from = YearStart(year);
        var to = YearStart(year + 1);
        var totals = new List<(Quantity Quantity, ConsumptionTotal Total)>();
        foreach (var quantity in QuantityCatalogue.Counters)
        {
            foreach (var total in await consumption.TotalsAsync(parks, quantity, from, to, cancellationToken))
                totals.Add((quantity, total));
        }
        return totals.GroupBy(t => (t.Total.Park, t.Total.Enterprise)).ToDictionary(g => g.Key, g =>
        {
            double Use(CounterKind kind) => g.Where(t => t.Quantity.Counter == kind).Sum(t => t.Total.Use);
            // Energy's coverage is its least covered carrier's: the tce is only as complete as its weakest part.
            // Water is a resource, not energy; an enterprise metered for water only has no energy coverage.
            var energyTotals = g.Where(t => coal.Coefficient(t.Quantity) is not null).ToList();
            var coverage = energyTotals.Count == 0 ? 0 : energyTotals.Min(t => t.Total.Coverage);
            var flags = ConsumptionFlag.All.Where(f => g.Any(t => t.Total.Flags.Contains(f))).ToList();
            return new EnergyFigures(
                Use(CounterKind.Electricity),
                coal.ToTce(energyTotals.Select(t => (t.Quantity, t.Total.Use))),
                Use(CounterKind.Water),
                coverage,
                flags);
        });
    }
}
