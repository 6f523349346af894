using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.EntityFrameworkCore;
using SmartPark.Contracts.Registry;
using SmartPark.ParkData;

namespace SmartPark.UnitTests.ParkData.RegistryFile;

/// <summary>Everything a registry or a park database holds, as text, so two can be compared whole (and a difference read).</summary>
internal static class RegistrySnapshot
{
    // Where an entry sits in its file is not what it says.
    private static readonly JsonSerializerOptions WithoutLines = new()
    {
        WriteIndented = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    foreach (var property in info.Properties.Where(p => p.Name is "Line" or "FieldLines").ToList())
                        info.Properties.Remove(property);
                },
            },
        },
    };

    /// <summary>The registry's entries in id order (the export writes them so; a hand-written file need not).</summary>
    public static string Of(ParkRegistry registry) =>
        JsonSerializer.Serialize(new
        {
            Parks = registry.Parks.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => p with
            {
                Enterprises = [.. p.Enterprises.OrderBy(e => e.Id, StringComparer.Ordinal).Select(e => e with
                {
                    Devices = [.. e.Devices.OrderBy(d => d.Id, StringComparer.Ordinal)],
                    MonitoringPoints = [.. e.MonitoringPoints.OrderBy(m => m.Mn, StringComparer.Ordinal)],
                    DischargePermit = e.DischargePermit is { } permit ? permit with { Limits = [.. permit.Limits.OrderBy(l => l.Quantity, StringComparer.Ordinal)] } : null,
                })],
            }),
            Services = registry.Services.OrderBy(s => s.Id, StringComparer.Ordinal),
        }, WithoutLines);

    /// <summary>Every registry and supervision row, ordered by key, without the generated ids and versions.</summary>
    public static async Task<string> OfDatabaseAsync(IDbContextFactory<ParkDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var rows = new
        {
            Parks = await db.Parks.AsNoTracking().OrderBy(p => p.Id).Select(p => new
            {
                p.Id,
                p.NameZh,
                p.NameEn,
                p.DistrictId,
                p.Township,
                p.VillageCollective,
                p.Address,
                p.Latitude,
                p.Longitude,
                p.LandAreaHectares,
                p.LandOwnership,
                p.LandProcedures,
                p.InSanjiuMap,
                p.IndustrialBlock,
                p.LeadingIndustry,
                p.PlanningStatus,
                p.EnvironmentalAssessmentStatus,
                p.Category,
                p.Batch,
                p.DecisionDate,
            }).ToListAsync(),
            Enterprises = await db.Enterprises.AsNoTracking().OrderBy(e => e.ParkId).ThenBy(e => e.Id).Select(e => new
            {
                e.ParkId,
                e.Id,
                e.NameZh,
                e.NameEn,
                e.CreditCode,
                e.Industry,
                e.FloorAreaM2,
                e.LandAreaM2,
                e.ContactName,
                e.ContactPhone,
                e.Status,
                e.DischargePermitNumber,
                e.DischargePermitExpiry,
                e.PlanX,
                e.PlanY,
                e.PlanWidth,
                e.PlanHeight,
            }).ToListAsync(),
            PermitLimits = await db.PermitLimits.AsNoTracking().OrderBy(l => l.ParkId).ThenBy(l => l.EnterpriseId).ThenBy(l => l.Quantity)
                .Select(l => new { l.ParkId, l.EnterpriseId, l.Quantity, l.Limit }).ToListAsync(),
            Devices = await db.Devices.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.ParkId, d.EnterpriseId, d.Credential, d.SensorsJson }).ToListAsync(),
            Points = await db.MonitoringPoints.AsNoTracking().OrderBy(p => p.Mn).Select(p => new
            {
                p.Mn,
                p.ParkId,
                p.EnterpriseId,
                p.Pw,
                p.St,
                p.Name,
                p.DeviceId,
                p.SensorId,
                p.PlatformHost,
                p.PlatformPort,
                p.PollutantsJson,
                p.HjVersion,
                p.Ack,
                p.RtdIntervalSeconds,
                p.MinIntervalMinutes,
            }).ToListAsync(),
            Projects = await db.Projects.AsNoTracking().OrderBy(p => p.ParkId).ThenBy(p => p.NameZh).Select(p => new
            {
                p.ParkId,
                p.NameZh,
                p.NameEn,
                p.Kind,
                p.AreaHectares,
                p.PlannedInvestment,
                p.ActualInvestment,
                Stages = p.Stages.OrderBy(s => s.Order).Select(s => new { s.Kind, s.Order, s.PlannedDate, s.ActualDate, s.Note }).ToList(),
            }).ToListAsync(),
            Services = await db.ServiceAccounts.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.Role, s.Credential }).ToListAsync(),
            Duty = await db.DutyRosters.AsNoTracking().OrderBy(d => d.ParkId).Select(d => new { d.ParkId, d.Manager, d.PeopleJson, d.ShiftsJson }).ToListAsync(),
        };
        return JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true });
    }
}
