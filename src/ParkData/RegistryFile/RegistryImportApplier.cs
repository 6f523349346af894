using Microsoft.EntityFrameworkCore;
using SmartPark.Contracts.Registry;
using SmartPark.ParkData.Entities;

namespace SmartPark.ParkData.RegistryFile;

/// <summary>
/// Makes the database say what a (checked) registry file says, in the tracked context, without
/// saving: the file is the whole truth for the parks it lists (their fields, enterprises,
/// devices, monitoring points, projects and stages, duty roster; rows it leaves out are deleted) and for the
/// services it lists; parks and services it does not list are left alone. Every value is
/// assigned, and EF Core's change tracking keeps only real changes, so an unchanged file makes
/// no change and no audit entry.
/// </summary>
internal sealed class RegistryImportApplier(ParkDbContext db, RegistryFileContent content, DistrictNames districts, IProgress<string>? progress)
{
    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var registry = content.Registry;
        var listed = registry.Parks.Select(p => p.Id).ToList();
        var fileDevices = registry.Devices.Select(d => d.Device.Id).ToList();
        var fileMns = registry.Parks.SelectMany(p => p.Enterprises).SelectMany(e => e.MonitoringPoints).Select(p => p.Mn).ToList();
        var fileServices = registry.Services.Select(s => s.Id).ToList();

        var parks = await db.Parks.Where(p => listed.Contains(p.Id))
            .Include(p => p.Enterprises).ThenInclude(e => e.PermitLimits).Include(p => p.Projects).ThenInclude(p => p.Stages)
            .AsSplitQuery().ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, cancellationToken);
        var devices = await db.Devices.Where(d => listed.Contains(d.ParkId) || fileDevices.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, StringComparer.Ordinal, cancellationToken);
        var points = await db.MonitoringPoints.Where(p => listed.Contains(p.ParkId) || fileMns.Contains(p.Mn))
            .ToDictionaryAsync(p => p.Mn, StringComparer.Ordinal, cancellationToken);
        var services = await db.ServiceAccounts.Where(s => fileServices.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, StringComparer.Ordinal, cancellationToken);
        var duties = await db.DutyRosters.Where(d => listed.Contains(d.ParkId))
            .ToDictionaryAsync(d => d.ParkId, StringComparer.Ordinal, cancellationToken);

        var number = 0;
        foreach (var park in registry.Parks)
        {
            number++;
            if (number == 1 || number % 50 == 0 || number == registry.Parks.Count)
                progress?.Report($"park {number} of {registry.Parks.Count}: {park.Id}");
            if (!parks.TryGetValue(park.Id, out var row))
            {
                row = new Park { Id = park.Id, NameZh = park.Name, DistrictId = "", LeadingIndustry = park.LeadingIndustry };
                db.Parks.Add(row);
            }
            SetPark(row, park, content.Supervision.Of(park));
            SetEnterprises(row, park);
            SetProjects(row, content.Supervision.Of(park).Projects);
            SetDuty(duties, park);
            foreach (var enterprise in park.Enterprises)
            {
                foreach (var device in enterprise.Devices)
                    SetDevice(devices, park.Id, enterprise.Id, device);
                foreach (var point in enterprise.MonitoringPoints)
                    SetPoint(points, park.Id, enterprise.Id, point);
            }
        }
        var keptDevices = fileDevices.ToHashSet(StringComparer.Ordinal);
        db.Devices.RemoveRange(devices.Values.Where(d => !keptDevices.Contains(d.Id)));
        var keptPoints = fileMns.ToHashSet(StringComparer.Ordinal);
        db.MonitoringPoints.RemoveRange(points.Values.Where(p => !keptPoints.Contains(p.Mn)));
        foreach (var service in registry.Services)
        {
            if (!services.TryGetValue(service.Id, out var row))
                db.ServiceAccounts.Add(row = new ServiceAccountRow { Id = service.Id, Role = service.Role, Credential = service.Credential });
            row.Role = service.Role;
            row.Credential = service.Credential;
        }
    }

    private void SetPark(Park row, RegistryPark park, ParkSupervision supervision)
    {
        row.NameZh = park.Name;
        row.NameEn = park.NameEn;
        row.DistrictId = districts.Find(park.District)!.Id;
        row.LandAreaHectares = park.AreaHectares;
        row.LeadingIndustry = park.LeadingIndustry;
        row.Township = supervision.Township;
        row.VillageCollective = supervision.VillageCollective;
        row.Address = supervision.Address;
        row.Latitude = supervision.Latitude;
        row.Longitude = supervision.Longitude;
        row.LandOwnership = supervision.LandOwnership;
        row.LandProcedures = supervision.LandProcedures;
        row.InSanjiuMap = supervision.InSanjiuMap;
        row.IndustrialBlock = supervision.IndustrialBlock;
        row.PlanningStatus = supervision.PlanningStatus;
        row.EnvironmentalAssessmentStatus = supervision.EnvironmentalAssessmentStatus;
        row.Category = supervision.Category;
        row.Batch = supervision.Batch;
        row.DecisionDate = supervision.DecisionDate;
    }

    private void SetEnterprises(Park row, RegistryPark park)
    {
        var existing = row.Enterprises.ToDictionary(e => e.Id, StringComparer.Ordinal);
        foreach (var enterprise in park.Enterprises)
        {
            if (!existing.Remove(enterprise.Id, out var target))
            {
                target = new Enterprise { ParkId = park.Id, Id = enterprise.Id, NameZh = enterprise.Name, Industry = enterprise.Industry };
                row.Enterprises.Add(target);
            }
            var supervision = content.Supervision.Of(enterprise);
            target.NameZh = enterprise.Name;
            target.NameEn = enterprise.NameEn;
            target.Industry = enterprise.Industry;
            target.FloorAreaM2 = enterprise.FloorArea;
            target.Status = enterprise.Status;
            target.PlanX = enterprise.Plan?.X;
            target.PlanY = enterprise.Plan?.Y;
            target.PlanWidth = enterprise.Plan?.Width;
            target.PlanHeight = enterprise.Plan?.Height;
            target.DischargePermitNumber = enterprise.DischargePermit?.Number;
            target.DischargePermitExpiry = enterprise.DischargePermit?.Expiry;
            target.CreditCode = supervision.CreditCode;
            target.LandAreaM2 = supervision.LandArea;
            target.ContactName = supervision.ContactName;
            target.ContactPhone = supervision.ContactPhone;
            SetPermitLimits(target, enterprise.DischargePermit?.Limits ?? []);
        }
        // Left out of the file: gone (their devices and points are removed by the caller).
        foreach (var gone in existing.Values)
        {
            row.Enterprises.Remove(gone);
            db.Enterprises.Remove(gone);
        }
    }

    /// <summary>The permit's limits as the file lists them: one row per quantity, rows it leaves out deleted.</summary>
    private void SetPermitLimits(Enterprise enterprise, IReadOnlyList<PermitLimit> limits)
    {
        var existing = enterprise.PermitLimits.ToDictionary(l => l.Quantity, StringComparer.Ordinal);
        foreach (var limit in limits)
        {
            if (!existing.Remove(limit.Quantity, out var row))
            {
                row = new PermitLimitRow { ParkId = enterprise.ParkId, EnterpriseId = enterprise.Id, Quantity = limit.Quantity };
                enterprise.PermitLimits.Add(row);
            }
            row.Limit = limit.Limit;
        }
        foreach (var gone in existing.Values)
        {
            enterprise.PermitLimits.Remove(gone);
            db.PermitLimits.Remove(gone);
        }
    }

    /// <summary>
    /// The park's roster as the file says (checked with the rest of the file by the registry's
    /// validator). A park without <c>duty:</c> has no roster: an existing row is emptied, not
    /// deleted, so its version keeps growing (<see cref="DutyRosterRow"/>).
    /// </summary>
    private void SetDuty(Dictionary<string, DutyRosterRow> duties, RegistryPark park)
    {
        var empty = Duty.DutyRosterRows.IsEmpty(park.Duty);
        if (!duties.TryGetValue(park.Id, out var row))
        {
            if (empty)
                return;
            db.DutyRosters.Add(row = new DutyRosterRow { ParkId = park.Id });
            duties[park.Id] = row;
        }
        Duty.DutyRosterRows.Write(row, empty ? null : park.Duty);
    }

    private void SetProjects(Park row, IReadOnlyList<ProjectFields> projects)
    {
        var existing = row.Projects.ToDictionary(p => p.NameZh, StringComparer.Ordinal);
        foreach (var project in projects)
        {
            if (!existing.Remove(project.Name, out var target))
            {
                target = new RenovationProject { ParkId = row.Id, NameZh = project.Name, Kind = project.Kind };
                row.Projects.Add(target);
            }
            target.NameEn = project.NameEn;
            target.Kind = project.Kind;
            target.AreaHectares = project.AreaHectares;
            target.PlannedInvestment = project.PlannedInvestment;
            target.ActualInvestment = project.ActualInvestment;
            var stages = target.Stages.ToDictionary(s => s.Kind, StringComparer.Ordinal);
            for (var order = 0; order < project.Stages.Count; order++)
            {
                var stage = project.Stages[order];
                if (!stages.Remove(stage.Kind, out var stageRow))
                {
                    stageRow = new ProjectStage { Kind = stage.Kind, Project = target };
                    target.Stages.Add(stageRow);
                }
                stageRow.Order = order;
                stageRow.PlannedDate = stage.Planned;
                stageRow.ActualDate = stage.Actual;
                stageRow.Note = stage.Note;
            }
            foreach (var gone in stages.Values)
            {
                target.Stages.Remove(gone);
                db.Stages.Remove(gone);
            }
        }
        foreach (var gone in existing.Values)
        {
            row.Projects.Remove(gone);
            db.Projects.Remove(gone);
        }
    }

    private void SetDevice(Dictionary<string, Device> devices, string parkId, string enterpriseId, RegistryDevice device)
    {
        if (!devices.TryGetValue(device.Id, out var row))
        {
            row = new Device { Id = device.Id, ParkId = parkId, EnterpriseId = enterpriseId, Credential = device.Credential };
            db.Devices.Add(row);
            devices[device.Id] = row;
        }
        row.ParkId = parkId;
        row.EnterpriseId = enterpriseId;
        row.Credential = device.Credential;
        row.SensorsJson = RowJson.Sensors(device.Sensors);
    }

    private void SetPoint(Dictionary<string, MonitoringPoint> points, string parkId, string enterpriseId, RegistryMonitoringPoint point)
    {
        if (!points.TryGetValue(point.Mn, out var row))
        {
            row = new MonitoringPoint { Mn = point.Mn, ParkId = parkId, EnterpriseId = enterpriseId, Pw = point.Pw, St = point.St, DeviceId = point.Device, PlatformHost = point.PlatformHost };
            db.MonitoringPoints.Add(row);
            points[point.Mn] = row;
        }
        row.ParkId = parkId;
        row.EnterpriseId = enterpriseId;
        row.Pw = point.Pw;
        row.St = point.St;
        row.Name = point.Name;
        row.DeviceId = point.Device;
        row.SensorId = point.Sensor;
        row.PlatformHost = point.PlatformHost;
        row.PlatformPort = (int)point.PlatformPort;
        row.PollutantsJson = RowJson.Pollutants(point.Pollutants);
        row.MetersJson = RowJson.Meters(point.Meters);
        row.HjVersion = point.Version;
        row.Ack = point.Ack;
        row.RtdIntervalSeconds = point.RtdInterval;
        row.MinIntervalMinutes = point.MinInterval;
    }
}
