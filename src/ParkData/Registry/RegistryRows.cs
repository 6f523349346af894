using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SmartPark.Contracts.Registry;
using SmartPark.ParkData.Duty;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Entities.Efficiency;

namespace SmartPark.ParkData.Registry;

/// <summary>
/// Builds the runtime <see cref="ParkRegistry"/> from the park database's registry rows: parks
/// (with their district's name), enterprises (names, status, plan rectangle), devices (sensors
/// from <see cref="Device.SensorsJson"/>), monitoring points (pollutants from
/// <see cref="MonitoringPoint.PollutantsJson"/>), duty rosters (<see cref="DutyRosterRows"/>) and service accounts. Not validated here: the
/// registry provider runs <see cref="RegistryValidator"/> on it, as on a file. A row that cannot
/// be read at all (malformed JSON) is a problem in the result, not an exception.
/// </summary>
public static class RegistryRows
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads every registry row (no tracking) and builds the registry; revision not included.</summary>
    public static async Task<(ParkRegistry Registry, IReadOnlyList<RegistryError> Problems)> ReadAsync(ParkDbContext db, CancellationToken cancellationToken = default)
    {
        // One query per table, sorted so the registry (and any error list) comes out the same every time.
        var districts = await db.Jurisdictions.AsNoTracking().ToDictionaryAsync(j => j.Id, j => j.NameEn, cancellationToken);
        var parks = await db.Parks.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var enterprises = await db.Enterprises.AsNoTracking().OrderBy(e => e.ParkId).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var devices = await db.Devices.AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var points = await db.MonitoringPoints.AsNoTracking().OrderBy(p => p.Mn).ToListAsync(cancellationToken);
        var services = await db.ServiceAccounts.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var replacements = await db.MeterReplacements.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var limits = await db.PermitLimits.AsNoTracking().ToListAsync(cancellationToken);
        var duties = await db.DutyRosters.AsNoTracking().ToListAsync(cancellationToken);
        return Build(parks, enterprises, devices, points, services, districts, replacements, limits, duties);
    }

    public static (ParkRegistry Registry, IReadOnlyList<RegistryError> Problems) Build(
        IReadOnlyList<Park> parks, IReadOnlyList<Enterprise> enterprises, IReadOnlyList<Device> devices,
        IReadOnlyList<MonitoringPoint> points, IReadOnlyList<ServiceAccountRow> services, IReadOnlyDictionary<string, string> districtNames,
        IReadOnlyList<MeterReplacement>? replacements = null, IReadOnlyList<PermitLimitRow>? limits = null, IReadOnlyList<DutyRosterRow>? duties = null)
    {
        var problems = new List<RegistryError>();
        var dutyOf = (duties ?? []).ToDictionary(d => d.ParkId, StringComparer.Ordinal);
        var limitsOf = (limits ?? []).ToLookup(l => (l.ParkId, l.EnterpriseId));
        var swapsOf = (replacements ?? []).ToLookup(r => (r.DeviceId, r.SensorId));
        var devicesOf = devices.ToLookup(d => (d.ParkId, d.EnterpriseId));
        var pointsOf = points.ToLookup(p => (p.ParkId, p.EnterpriseId));
        var enterprisesOf = enterprises.ToLookup(e => e.ParkId);
        var registryParks = parks.Select(park => new RegistryPark
        {
            Id = park.Id,
            Name = park.NameZh,
            NameEn = park.NameEn,
            District = districtNames.GetValueOrDefault(park.DistrictId, park.DistrictId),
            AreaHectares = park.LandAreaHectares,
            LeadingIndustry = park.LeadingIndustry,
            // Who notifications addressed to people reach; the validator checks it as it checks a file's.
            Duty = dutyOf.TryGetValue(park.Id, out var duty) ? DutyRosterRows.Read(duty, problems) : null,
            Enterprises = enterprisesOf[park.Id].Select(enterprise => new RegistryEnterprise
            {
                Id = enterprise.Id,
                Name = enterprise.NameZh,
                NameEn = enterprise.NameEn,
                Industry = enterprise.Industry,
                FloorArea = enterprise.FloorAreaM2,
                Status = enterprise.Status,
                Plan = PlanOf(enterprise),
                // The permit expiry alert and the rules' limits in Ingest read it; a permit with no number is not one.
                DischargePermit = enterprise.DischargePermitNumber is { Length: > 0 } permit
                    ? new RegistryDischargePermit
                    {
                        Number = permit,
                        Expiry = enterprise.DischargePermitExpiry,
                        Limits = [.. limitsOf[(park.Id, enterprise.Id)].OrderBy(l => l.Quantity, StringComparer.Ordinal).Select(l => new PermitLimit(l.Quantity, l.Limit))],
                    }
                    : null,
                Devices = devicesOf[(park.Id, enterprise.Id)].Select(device => new RegistryDevice
                {
                    Id = device.Id,
                    Credential = device.Credential,
                    Sensors = Sensors(device, swapsOf, problems),
                }).ToList(),
                MonitoringPoints = pointsOf[(park.Id, enterprise.Id)].Select(point => Point(point, problems)).ToList(),
            }).ToList(),
        }).ToList();
        var accounts = services.Select(s => new ServiceAccount { Id = s.Id, Role = s.Role, Credential = s.Credential }).ToList();
        ReportEmpty(parks, enterprises, devices, points, services, problems);
        return (new ParkRegistry(registryParks, accounts), problems);
    }

    /// <summary>
    /// The validator leaves empty values to the file reader (which reports a missing key); here
    /// the columns are NOT NULL but may still hold "", and an empty credential must never pass.
    /// </summary>
    private static void ReportEmpty(IReadOnlyList<Park> parks, IReadOnlyList<Enterprise> enterprises, IReadOnlyList<Device> devices,
        IReadOnlyList<MonitoringPoint> points, IReadOnlyList<ServiceAccountRow> services, List<RegistryError> problems)
    {
        void Check(string what, params (string Field, string Value)[] fields)
        {
            foreach (var (field, value) in fields.Where(f => string.IsNullOrWhiteSpace(f.Value)))
                problems.Add(new(0, $"{what}: {field} is empty"));
        }
        foreach (var p in parks)
            Check($"park '{p.Id}'", ("id", p.Id), ("name", p.NameZh), ("leadingIndustry", p.LeadingIndustry));
        foreach (var e in enterprises)
            Check($"enterprise '{e.ParkId}/{e.Id}'", ("id", e.Id), ("name", e.NameZh), ("industry", e.Industry), ("status", e.Status));
        foreach (var d in devices)
            Check($"device '{d.Id}'", ("id", d.Id), ("credential", d.Credential));
        foreach (var m in points)
            Check($"monitoring point '{m.Mn}'", ("mn", m.Mn), ("pw", m.Pw), ("st", m.St), ("device", m.DeviceId), ("platform host", m.PlatformHost));
        foreach (var s in services)
            Check($"service '{s.Id}'", ("id", s.Id), ("role", s.Role), ("credential", s.Credential));
    }

    /// <summary>The plan rectangle when all four numbers are set; an enterprise not drawn has none.</summary>
    private static PlanRect? PlanOf(Enterprise e) =>
        e is { PlanX: { } x, PlanY: { } y, PlanWidth: { } width, PlanHeight: { } height }
            ? new PlanRect { X = x, Y = y, Width = width, Height = height }
            : null;

    private static List<RegistrySensor> Sensors(Device device, ILookup<(string, string), MeterReplacement> swapsOf, List<RegistryError> problems)
    {
        var rows = Parse<List<SensorJson>>(device.SensorsJson, $"device '{device.Id}': sensors", problems);
        foreach (var sensor in rows?.Where(s => string.IsNullOrWhiteSpace(s.Id)) ?? [])
            problems.Add(new(0, $"device '{device.Id}': a sensor has no id"));
        return rows?.Select(s => new RegistrySensor
        {
            Id = s.Id ?? "",
            Quantities = s.Quantities ?? [],
            Rollover = s.Rollover,
            Emission = s.Emission?.ToSettings($"device '{device.Id}': sensor '{s.Id}'", problems),
            Role = s.Role,
            IdleLoad = s.IdleLoad,
            RatedCurrent = s.RatedCurrent,
            NominalVoltage = s.NominalVoltage,
            // The swaps recorded on the inputs form, oldest first; consumption counts across them.
            Replacements = [.. swapsOf[(device.Id, s.Id ?? "")]
                .Select(r => new RegistryMeterReplacement(r.Quantity, new DateTimeOffset(DateTime.SpecifyKind(r.ReplacedAt, DateTimeKind.Utc)), r.OldFinalReading, r.NewInitialReading))
                .OrderBy(r => r.At)],
        }).ToList() ?? [];
    }

    private static RegistryMonitoringPoint Point(MonitoringPoint point, List<RegistryError> problems) => new()
    {
        Mn = point.Mn,
        Pw = point.Pw,
        St = point.St,
        Name = point.Name,
        Device = point.DeviceId,
        Sensor = point.SensorId,
        PlatformHost = point.PlatformHost,
        PlatformPort = point.PlatformPort,
        Pollutants = Parse<List<PollutantJson>>(point.PollutantsJson, $"monitoring point '{point.Mn}': pollutants", problems)?
            .Select(p => new RegistryPollutant(p.Quantity ?? "", p.Code ?? "", Line: 0)).ToList() ?? [],
        Meters = Parse<List<RegistryFile.RowJson.Meter>>(point.MetersJson, $"monitoring point '{point.Mn}': meters", problems)?
            .Select(m => new RegistryPointMeter
            {
                Device = m.Device,
                Sensor = m.Sensor ?? "",
                Facility = m.Facility,
                Codes = [.. (m.Codes ?? []).Select(c => new RegistryPollutant(c.Quantity ?? "", c.Code ?? "", Line: 0))],
            }).ToList() ?? [],
        Version = point.HjVersion,
        Ack = point.Ack,
        RtdInterval = point.RtdIntervalSeconds,
        MinInterval = point.MinIntervalMinutes,
    };

    private static T? Parse<T>(string json, string what, List<RegistryError> problems)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Json) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            problems.Add(new(0, $"{what} are not readable JSON ({ex.Message})"));
            return null;
        }
    }

    private sealed record SensorJson(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("quantities")] List<string>? Quantities,
        [property: JsonPropertyName("rollover")] double? Rollover = null,
        [property: JsonPropertyName("emission")] RegistryFile.RowJson.SensorEmission? Emission = null,
        [property: JsonPropertyName("role")] string? Role = null,
        [property: JsonPropertyName("idleLoad")] double? IdleLoad = null,
        [property: JsonPropertyName("ratedCurrent")] double? RatedCurrent = null,
        [property: JsonPropertyName("nominalVoltage")] double? NominalVoltage = null);

    private sealed record PollutantJson(
        [property: JsonPropertyName("quantity")] string? Quantity,
        [property: JsonPropertyName("code")] string? Code);
}
