using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartPark.Contracts.Registry;
using SmartPark.ParkData.Entities;
using YamlDotNet.RepresentationModel;

namespace SmartPark.ParkData.RegistryFile;

/// <summary>
/// Writes the park database as a registry YAML file: every park with its supervision keys,
/// duty roster, projects and stages, enterprises, devices (credentials as the stored $7$ hashes) and
/// monitoring points, then the services, each list in id order so two exports of the same data
/// are the same text. <see cref="RegistryLoader"/> loads it, and importing it gives the same database.
/// </summary>
public sealed class RegistryExporter(IDbContextFactory<ParkDbContext> factory)
{
    public async Task<int> ExportFileAsync(string path, CancellationToken cancellationToken = default)
    {
        // Written beside the target and moved over it, so a reader never sees half a file.
        var temporary = path + ".tmp";
        int parks;
        await using (var writer = new StreamWriter(temporary))
            parks = await ExportAsync(writer, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return parks;
    }

    /// <returns>How many parks were written.</returns>
    public async Task<int> ExportAsync(TextWriter writer, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var districts = await db.Jurisdictions.AsNoTracking().ToDictionaryAsync(j => j.Id, cancellationToken);
        var parks = await db.Parks.AsNoTracking()
            .Include(p => p.Enterprises).ThenInclude(e => e.Devices)
            .Include(p => p.Enterprises).ThenInclude(e => e.MonitoringPoints)
            .Include(p => p.Enterprises).ThenInclude(e => e.PermitLimits)
            .Include(p => p.Projects).ThenInclude(p => p.Stages)
            .AsSplitQuery().ToListAsync(cancellationToken);
        var services = await db.ServiceAccounts.AsNoTracking().ToListAsync(cancellationToken);
        var duties = await db.DutyRosters.AsNoTracking().ToDictionaryAsync(d => d.ParkId, StringComparer.Ordinal, cancellationToken);
        var replacements = (await db.MeterReplacements.AsNoTracking().ToListAsync(cancellationToken))
            .ToLookup(r => (r.DeviceId, r.SensorId));

        var root = new YamlMappingNode
        {
            { "parks", new YamlSequenceNode(parks.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => Park(p, districts[p.DistrictId], duties.GetValueOrDefault(p.Id), replacements))) },
            { "services", new YamlSequenceNode(services.OrderBy(s => s.Id, StringComparer.Ordinal).Select(Service)) },
        };
        await writer.WriteAsync($"""
            # SmartPark registry exported from the park database ({parks.Count} park(s), {services.Count} service(s)).
            # Import it with: ./smartpark parks import FILE (the file is the whole truth for the parks it lists).
            # Credentials are Mosquitto $7$ hashes (./smartpark hash-password); the passwords are in no file.

            """);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(root)).Save(text, assignAnchors: false);
        // YamlStream ends a document with "...": a registry is one document, the marker says nothing.
        await writer.WriteAsync(text.ToString().TrimEnd().TrimEnd('.').TrimEnd() + "\n");
        return parks.Count;
    }

    private static YamlMappingNode Park(Park park, Jurisdiction district, DutyRosterRow? duty, ILookup<(string, string), Entities.Efficiency.MeterReplacement> replacements)
    {
        var map = new YamlMappingNode();
        Add(map, "id", park.Id);
        Add(map, "name", park.NameZh);
        Add(map, "nameEn", park.NameEn);
        Add(map, "district", district.NameEn);
        Add(map, "areaHectares", park.LandAreaHectares);
        Add(map, "leadingIndustry", park.LeadingIndustry);
        Add(map, "township", park.Township);
        Add(map, "villageCollective", park.VillageCollective);
        Add(map, "address", park.Address);
        Add(map, "latitude", park.Latitude);
        Add(map, "longitude", park.Longitude);
        Add(map, "landOwnership", park.LandOwnership);
        Add(map, "landProcedures", park.LandProcedures);
        Add(map, "inSanjiuMap", park.InSanjiuMap ? "true" : "false");
        Add(map, "industrialBlock", park.IndustrialBlock);
        Add(map, "planningStatus", park.PlanningStatus);
        Add(map, "environmentalAssessmentStatus", park.EnvironmentalAssessmentStatus);
        Add(map, "category", park.Category);
        Add(map, "batch", park.Batch);
        Add(map, "decisionDate", park.DecisionDate);
        if (duty is not null && Duty(duty) is { } roster)
            map.Add("duty", roster);
        if (park.Projects.Count > 0)
            map.Add("projects", new YamlSequenceNode(park.Projects.OrderBy(p => p.Id).Select(Project)));
        if (park.Enterprises.Count > 0)
            map.Add("enterprises", new YamlSequenceNode(park.Enterprises.OrderBy(e => e.Id, StringComparer.Ordinal).Select(e => Enterprise(e, replacements))));
        return map;
    }

    /// <summary>The roster as <c>duty:</c> (people and shifts one per line, in their order); null for an empty one.</summary>
    private static YamlMappingNode? Duty(DutyRosterRow row)
    {
        // The row was checked when it was saved; a damaged one is reported by the registry, not by the export.
        if (SmartPark.ParkData.Duty.DutyRosterRows.Read(row, []) is not { } duty)
            return null;
        var map = new YamlMappingNode();
        Add(map, "manager", duty.Manager);
        map.Add("people", new YamlSequenceNode(duty.People.Select(person =>
        {
            var item = Flow();
            Add(item, "id", person.Id);
            Add(item, "name", person.Name);
            Add(item, "phone", person.Phone);
            Add(item, "email", person.Email);
            return item;
        })));
        map.Add("shifts", new YamlSequenceNode(duty.Shifts.Select(shift =>
        {
            var item = Flow();
            var words = SmartPark.ParkData.Duty.DutyRosterRows.Days.Where(d => shift.Days.Contains(d.Day)).Select(d => d.Word).ToList();
            if (words.Count == 7)
                Add(item, "days", "all");
            else
                item.Add("days", new YamlSequenceNode(words.Select(w => new YamlScalarNode(w))) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow });
            Add(item, "from", shift.From.ToString(SmartPark.ParkData.Duty.DutyRosterRows.TimeFormat, CultureInfo.InvariantCulture));
            Add(item, "until", shift.Until.ToString(SmartPark.ParkData.Duty.DutyRosterRows.TimeFormat, CultureInfo.InvariantCulture));
            item.Add("people", new YamlSequenceNode(shift.People.Select(id => new YamlScalarNode(id))) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow });
            return item;
        })));
        return map;
    }

    private static YamlMappingNode Project(RenovationProject project)
    {
        var map = new YamlMappingNode();
        Add(map, "name", project.NameZh);
        Add(map, "nameEn", project.NameEn);
        Add(map, "kind", project.Kind);
        Add(map, "areaHectares", project.AreaHectares);
        Add(map, "plannedInvestment", project.PlannedInvestment);
        Add(map, "actualInvestment", project.ActualInvestment);
        if (project.Stages.Count > 0)
        {
            map.Add("stages", new YamlSequenceNode(project.Stages.OrderBy(s => s.Order).ThenBy(s => s.Id).Select(stage =>
            {
                var item = Flow();
                Add(item, "kind", stage.Kind);
                Add(item, "planned", stage.PlannedDate);
                Add(item, "actual", stage.ActualDate);
                Add(item, "note", stage.Note);
                return item;
            })));
        }
        return map;
    }

    private static YamlMappingNode Enterprise(Enterprise enterprise, ILookup<(string, string), Entities.Efficiency.MeterReplacement> replacements)
    {
        var map = new YamlMappingNode();
        Add(map, "id", enterprise.Id);
        Add(map, "name", enterprise.NameZh);
        Add(map, "nameEn", enterprise.NameEn);
        Add(map, "industry", enterprise.Industry);
        Add(map, "floorArea", enterprise.FloorAreaM2);
        Add(map, "status", enterprise.Status);
        if (enterprise is { PlanX: { } x, PlanY: { } y, PlanWidth: { } width, PlanHeight: { } height })
        {
            var plan = Flow();
            Add(plan, "x", x);
            Add(plan, "y", y);
            Add(plan, "width", width);
            Add(plan, "height", height);
            map.Add("plan", plan);
        }
        Add(map, "creditCode", enterprise.CreditCode);
        if (enterprise.LandAreaM2 != 0)
            Add(map, "landArea", enterprise.LandAreaM2);
        Add(map, "contactName", enterprise.ContactName);
        Add(map, "contactPhone", enterprise.ContactPhone);
        if (enterprise.DischargePermitNumber is { } number)
        {
            var permit = Flow();
            Add(permit, "number", number);
            Add(permit, "expiry", enterprise.DischargePermitExpiry);
            if (enterprise.PermitLimits.Count > 0)
            {
                var limits = Flow();
                foreach (var limit in enterprise.PermitLimits.OrderBy(l => l.Quantity, StringComparer.Ordinal))
                    Add(limits, limit.Quantity, limit.Limit);
                permit.Add("limits", limits);
            }
            map.Add("dischargePermit", permit);
        }
        if (enterprise.Devices.Count > 0)
            map.Add("devices", new YamlSequenceNode(enterprise.Devices.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => Device(d, replacements))));
        if (enterprise.MonitoringPoints.Count > 0)
            map.Add("monitoringPoints", new YamlSequenceNode(enterprise.MonitoringPoints.OrderBy(p => p.Mn, StringComparer.Ordinal).Select(Point)));
        return map;
    }

    private static YamlMappingNode Device(Device device, ILookup<(string, string), Entities.Efficiency.MeterReplacement> replacements)
    {
        var map = new YamlMappingNode();
        Add(map, "id", device.Id);
        Add(map, "credential", device.Credential);
        map.Add("sensors", new YamlSequenceNode(RowJson.ReadSensors(device.SensorsJson).Select(sensor =>
        {
            var item = Flow();
            Add(item, "id", sensor.Id);
            item.Add("quantities", new YamlSequenceNode(sensor.Quantities.Select(q => new YamlScalarNode(q))) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow });
            Add(item, "rollover", sensor.Rollover);
            if (sensor.Emission is { } emission)
            {
                var settings = Flow();
                Add(settings, "referenceO2", emission.ReferenceO2);
                Add(settings, "basis", emission.Basis);
                Add(settings, "flow", emission.Flow);
                item.Add("emission", settings);
            }
            Add(item, "role", sensor.Role);
            Add(item, "idleLoad", sensor.IdleLoad);
            Add(item, "ratedCurrent", sensor.RatedCurrent);
            Add(item, "nominalVoltage", sensor.NominalVoltage);
            var swaps = replacements[(device.Id, sensor.Id)].OrderBy(r => r.ReplacedAt).ThenBy(r => r.Id).ToList();
            if (swaps.Count > 0)
            {
                // A sensor with recorded swaps is written as a block, its swaps one per line.
                item.Style = YamlDotNet.Core.Events.MappingStyle.Block;
                item.Add("replacements", new YamlSequenceNode(swaps.Select(Replacement)));
            }
            return item;
        })));
        return map;
    }

    private static YamlMappingNode Replacement(Entities.Efficiency.MeterReplacement swap)
    {
        var map = Flow();
        Add(map, "quantity", swap.Quantity);
        Add(map, "at", new DateTimeOffset(DateTime.SpecifyKind(swap.ReplacedAt, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(8))
            .ToString(RegistryReader.TimestampFormat, CultureInfo.InvariantCulture));
        Add(map, "oldFinal", swap.OldFinalReading);
        Add(map, "newInitial", swap.NewInitialReading);
        return map;
    }

    private static YamlMappingNode Point(MonitoringPoint point)
    {
        var map = new YamlMappingNode();
        Add(map, "mn", point.Mn);
        Add(map, "pw", point.Pw);
        Add(map, "st", point.St);
        Add(map, "name", point.Name);
        Add(map, "device", point.DeviceId);
        Add(map, "sensor", point.SensorId);
        var platform = Flow();
        Add(platform, "host", point.PlatformHost);
        Add(platform, "port", point.PlatformPort);
        map.Add("platform", platform);
        var pollutants = Flow();
        foreach (var pollutant in RowJson.ReadPollutants(point.PollutantsJson))
            Add(pollutants, pollutant.Quantity, pollutant.Code);
        map.Add("pollutants", pollutants);
        var meters = RowJson.ReadMeters(point.MetersJson);
        if (meters.Count > 0)
        {
            map.Add("meters", new YamlSequenceNode(meters.Select(m =>
            {
                var meter = Flow();
                Add(meter, "device", m.Device);
                Add(meter, "sensor", m.Sensor);
                Add(meter, "facility", m.Facility);
                var codes = Flow();
                foreach (var code in m.Codes)
                    Add(codes, code.Quantity, code.Code);
                meter.Add("codes", codes);
                return meter;
            })));
        }
        Add(map, "version", point.HjVersion);
        Add(map, "ack", point.Ack ? "true" : "false");
        Add(map, "rtdInterval", point.RtdIntervalSeconds);
        Add(map, "minInterval", point.MinIntervalMinutes);
        return map;
    }

    private static YamlMappingNode Service(ServiceAccountRow service)
    {
        var map = Flow();
        Add(map, "id", service.Id);
        Add(map, "role", service.Role);
        Add(map, "credential", service.Credential);
        return map;
    }

    private static YamlMappingNode Flow() => new() { Style = YamlDotNet.Core.Events.MappingStyle.Flow };

    private static void Add(YamlMappingNode map, string key, string? value)
    {
        if (value is not null)
            map.Add(key, new YamlScalarNode(value));
    }

    private static void Add(YamlMappingNode map, string key, double? value)
    {
        if (value is { } number)
            Add(map, key, number.ToString("R", CultureInfo.InvariantCulture));
    }

    private static void Add(YamlMappingNode map, string key, int? value)
    {
        if (value is { } number)
            Add(map, key, number.ToString(CultureInfo.InvariantCulture));
    }

    private static void Add(YamlMappingNode map, string key, DateOnly? value)
    {
        if (value is { } date)
            Add(map, key, date.ToString(YamlFields.DateFormat, CultureInfo.InvariantCulture));
    }
}
