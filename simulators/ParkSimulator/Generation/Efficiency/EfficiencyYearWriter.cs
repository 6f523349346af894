using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SmartPark.Contracts.Registry;
using SmartPark.ParkData;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Entities.Efficiency;

namespace SmartPark.Simulator.Generation.Efficiency;

/// <summary>What writing a designed year added.</summary>
public sealed record EfficiencyWriteResult(int Economics, int Agreements, int Devices, int Replacements, int AreasSet);

/// <summary>
/// Writes a designed year into the park database in one audited save (actor <c>simulate</c>): the
/// economics, the agreements, each enterprise's meter device (its credential the <c>$7$</c> hash of
/// the password <see cref="DevicePasswords"/> derives from the secret; a rolling register's sensor
/// carries <c>"rollover"</c> in its SensorsJson), the replaced meter's <see cref="MeterReplacement"/>,
/// and the land or floor area an enterprise lacked. A row already there is left alone, so a re-run
/// changes nothing and figures edited on the web stay.
/// </summary>
public static class EfficiencyYearWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The district's enterprises, as the design reads them.</summary>
    public static Task<List<Enterprise>> EnterprisesAsync(ParkDbContext db, string districtId, CancellationToken cancellationToken = default) =>
        db.Enterprises.AsNoTracking().Where(e => db.Parks.Any(p => p.Id == e.ParkId && p.DistrictId == districtId))
            .OrderBy(e => e.ParkId).ThenBy(e => e.Id).ToListAsync(cancellationToken);

    public static async Task<EfficiencyWriteResult> WriteAsync(
        ParkDbContext db, EfficiencyYearOptions options, IReadOnlyList<EnterpriseDesign> designs, string deviceSecret,
        int hashIterations = MosquittoPasswordHash.DefaultIterations, CancellationToken cancellationToken = default)
    {
        db.Actor = District.DistrictWriter.Actor;
        var parks = designs.Select(d => d.ParkId).Distinct().ToList();
        var enterprises = await db.Enterprises.Where(e => parks.Contains(e.ParkId)).ToDictionaryAsync(e => (e.ParkId, e.Id), cancellationToken);
        var economics = (await db.Economics.Where(e => parks.Contains(e.ParkId) && e.Year == options.Year).Select(e => new { e.ParkId, e.EnterpriseId }).ToListAsync(cancellationToken))
            .Select(e => (e.ParkId, e.EnterpriseId)).ToHashSet();
        var agreements = (await db.Agreements.Where(a => parks.Contains(a.ParkId)).Select(a => new { a.ParkId, a.EnterpriseId }).ToListAsync(cancellationToken))
            .Select(a => (a.ParkId, a.EnterpriseId)).ToHashSet();
        var deviceIds = designs.Select(d => d.Meter.DeviceId).ToList();
        var devices = (await db.Devices.Where(d => deviceIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var replaced = (await db.MeterReplacements.Where(r => deviceIds.Contains(r.DeviceId)).Select(r => r.DeviceId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        int addedEconomics = 0, addedAgreements = 0, addedDevices = 0, addedReplacements = 0, areas = 0;
        foreach (var design in designs)
        {
            var key = (design.ParkId, design.EnterpriseId);
            if (enterprises.TryGetValue(key, out var enterprise) && (design.LandSet || design.FloorSet)
                && (enterprise.LandAreaM2 != design.LandAreaM2 || enterprise.FloorAreaM2 != design.FloorAreaM2))
            {
                enterprise.LandAreaM2 = design.LandAreaM2;
                enterprise.FloorAreaM2 = design.FloorAreaM2;
                areas++;
            }
            if (economics.Add(key))
            {
                db.Economics.Add(new EnterpriseEconomics
                {
                    ParkId = design.ParkId,
                    EnterpriseId = design.EnterpriseId,
                    Year = options.Year,
                    OutputValue = design.OutputValue,
                    ValueAdded = design.ValueAdded,
                    Revenue = design.Revenue,
                    TaxPaid = design.TaxPaid,
                    Employees = design.Employees,
                    RdSpending = design.RdSpending,
                    Standing = design.Standing,
                    Source = "simulate generate efficiency",
                });
                addedEconomics++;
            }
            if (design.Agreement is { } a && agreements.Add(key))
            {
                db.Agreements.Add(new SupervisionAgreement
                {
                    ParkId = design.ParkId,
                    EnterpriseId = design.EnterpriseId,
                    Reference = a.Reference,
                    SignedOn = a.SignedOn,
                    InvestmentMade = a.InvestmentMade,
                    InvestmentIntensityTarget = a.InvestmentIntensityTarget,
                    OutputPerMuTarget = a.OutputPerMuTarget,
                    TaxPerMuTarget = a.TaxPerMuTarget,
                    EnergyPerOutputTarget = a.EnergyPerOutputTarget,
                });
                addedAgreements++;
            }
            var meter = design.Meter;
            if (devices.Add(meter.DeviceId))
            {
                db.Devices.Add(new Device
                {
                    Id = meter.DeviceId,
                    ParkId = design.ParkId,
                    EnterpriseId = design.EnterpriseId,
                    Credential = MosquittoPasswordHash.Create(DevicePasswords.Derive(deviceSecret, meter.DeviceId), hashIterations),
                    SensorsJson = SensorsJson(meter),
                });
                addedDevices++;
            }
            foreach (var counter in meter.Counters.Where(c => c.Event == CounterEvent.Replacement))
            {
                if (!replaced.Add(meter.DeviceId))
                    continue;
                var swap = new CounterYear(options.Year, options.Interval, meter.Shift, meter.Seed, counter).Replacement()!;
                db.MeterReplacements.Add(new MeterReplacement
                {
                    ParkId = design.ParkId,
                    DeviceId = meter.DeviceId,
                    SensorId = counter.SensorId,
                    Quantity = counter.Quantity,
                    ReplacedAt = swap.At.UtcDateTime,
                    OldFinalReading = swap.OldFinal,
                    NewInitialReading = swap.NewInitial,
                    Note = "simulated: meter swapped mid-year",
                });
                addedReplacements++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return new EfficiencyWriteResult(addedEconomics, addedAgreements, addedDevices, addedReplacements, areas);
    }

    private sealed record SensorRow(string Id, IReadOnlyList<string> Quantities, double? Rollover);

    /// <summary><c>[{"id":"energy-1","quantities":["energy"],"rollover":1000000}]</c>: the rollover only on a rolling register.</summary>
    public static string SensorsJson(MeterDesign meter) =>
        JsonSerializer.Serialize(meter.Counters.Select(c => new SensorRow(c.SensorId, [c.Quantity], c.Rollover)).ToList(), Json);
}
