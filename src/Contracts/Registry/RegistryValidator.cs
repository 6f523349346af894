using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Topics;

namespace SmartPark.Contracts.Registry;

/// <summary>
/// The registry's rules: ids follow the id rule, device ids are unique across the registry (a
/// device id is an MQTT username), statuses, roles and quantities come from their lists, and
/// credentials are Mosquitto <c>$7$</c> hashes. Empty values were already reported by the reader.
/// </summary>
public static class RegistryValidator
{
    public static IReadOnlyList<RegistryError> Validate(ParkRegistry registry)
    {
        var errors = new List<RegistryError>();
        var parkIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var usernames = new Dictionary<string, int>(StringComparer.Ordinal);
        var mns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var park in registry.Parks)
        {
            CheckId(park, park.Id, "park", errors);
            Unique(parkIds, park.Id, park.LineOf("id"), $"park '{park.Id}'", errors);
            Positive(park, "areaHectares", park.AreaHectares, $"park '{park.Id}'", errors);
            Duty.DutyValidator.Check(park, errors);
            var enterpriseIds = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var enterprise in park.Enterprises)
            {
                CheckEnterprise(enterprise, enterpriseIds, usernames, errors);
                foreach (var point in enterprise.MonitoringPoints)
                {
                    MonitoringPointRules.Check(point, enterprise, mns, errors);
                    PointMeters.Check(point, enterprise, errors);
                }
            }
        }
        var serviceIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var service in registry.Services)
        {
            CheckId(service, service.Id, "service", errors);
            Unique(serviceIds, service.Id, service.LineOf("id"), $"service '{service.Id}'", errors);
            if (usernames.TryGetValue(service.Id, out var deviceLine))
                errors.Add(new(service.LineOf("id"), $"service '{service.Id}' has the same id as the device on line {deviceLine} (both are MQTT usernames)"));
            if (service.Role.Length > 0 && !ServiceRoles.All.Contains(service.Role))
                errors.Add(new(service.LineOf("role"), $"service '{service.Id}': role '{service.Role}' is not one of {string.Join(", ", ServiceRoles.All)}"));
            CheckCredential(service, service.Credential, $"service '{service.Id}'", errors);
        }
        return errors.OrderBy(e => e.Line).ToList();
    }

    private static void CheckEnterprise(RegistryEnterprise enterprise, Dictionary<string, int> enterpriseIds, Dictionary<string, int> usernames, List<RegistryError> errors)
    {
        var what = $"enterprise '{enterprise.Id}'";
        CheckId(enterprise, enterprise.Id, "enterprise", errors);
        Unique(enterpriseIds, enterprise.Id, enterprise.LineOf("id"), what + " in this park", errors);
        Positive(enterprise, "floorArea", enterprise.FloorArea, what, errors);
        if (enterprise.Status.Length > 0 && !RenovationStatus.All.Contains(enterprise.Status))
            errors.Add(new(enterprise.LineOf("status"), $"{what}: status '{enterprise.Status}' is not one of {string.Join(", ", RenovationStatus.All)}"));
        if (enterprise.Plan is { } plan)
        {
            NotNegative(plan, "x", plan.X, what + " plan", errors);
            NotNegative(plan, "y", plan.Y, what + " plan", errors);
            Positive(plan, "width", plan.Width, what + " plan", errors);
            Positive(plan, "height", plan.Height, what + " plan", errors);
        }
        foreach (var limit in enterprise.DischargePermit?.Limits ?? [])
        {
            if (!QuantityCatalogue.TryGet(limit.Quantity, out var quantity) || quantity.IsCounter || quantity.IsBoolean)
                errors.Add(new(limit.Line, $"{what}: permit limit '{limit.Quantity}' is not a pollutant of the catalogue (e.g. nox_converted, so2_converted, cod, ammonia_nitrogen)"));
            else if (limit.Limit < 0)
                errors.Add(new(limit.Line, $"{what}: permit limit for '{limit.Quantity}' must be at least 0, not {limit.Limit}"));
        }
        foreach (var device in enterprise.Devices)
        {
            var dwhat = $"device '{device.Id}'";
            CheckId(device, device.Id, "device", errors);
            if (device.Id.StartsWith(ServiceClientIds.Prefix, StringComparison.Ordinal))
                errors.Add(new(device.LineOf("id"), $"{dwhat}: ids beginning '{ServiceClientIds.Prefix}' are the services' MQTT client ids (a device's id is its client id)"));
            if (device.Id.Length > 0 && usernames.TryGetValue(device.Id, out var first))
                errors.Add(new(device.LineOf("id"), $"{dwhat} is already registered on line {first} (device ids are MQTT usernames: unique across the registry)"));
            else if (device.Id.Length > 0)
                usernames[device.Id] = device.LineOf("id");
            CheckCredential(device, device.Credential, dwhat, errors);
            var sensorIds = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var sensor in device.Sensors)
            {
                CheckId(sensor, sensor.Id, "sensor", errors);
                Unique(sensorIds, sensor.Id, sensor.LineOf("id"), $"sensor '{sensor.Id}' of {dwhat}", errors);
                foreach (var q in sensor.Quantities.Where(q => q.Length > 0 && !QuantityCatalogue.TryGet(q, out _)))
                    errors.Add(new(sensor.LineOf("quantities"), $"sensor '{sensor.Id}' of {dwhat}: quantity '{q}' is not in the catalogue ({string.Join(", ", QuantityCatalogue.All.Select(x => x.Name))})"));
                CheckCounting(sensor, $"sensor '{sensor.Id}' of {dwhat}", errors);
                CheckEmissionAndRole(sensor, $"sensor '{sensor.Id}' of {dwhat}", errors);
            }
        }
    }

    /// <summary>Derived quantities are Ingest's to compute; a role is for an electricity meter; an idle load for a treatment meter.</summary>
    private static void CheckEmissionAndRole(RegistrySensor sensor, string what, List<RegistryError> errors)
    {
        foreach (var q in sensor.Quantities.Where(q => QuantityCatalogue.TryGet(q, out var quantity) && quantity.IsDerived))
            errors.Add(new(sensor.LineOf("quantities"), $"{what}: '{q}' is derived by Ingest from '{QuantityCatalogue.Get(q).DerivedFrom}' and the conditions it is measured in; a sensor reports the measured quantities"));
        if (sensor.Role is { } role && !SensorRoles.All.Contains(role))
            errors.Add(new(sensor.LineOf("role"), $"{what}: 'role' is {string.Join(" or ", SensorRoles.All.Select(r => $"'{r}'"))}, not '{role}'"));
        if (sensor.Role is not null && !sensor.Quantities.Contains(QuantityCatalogue.Power.Name))
            errors.Add(new(sensor.LineOf("role"), $"{what}: a 'role' is for an electricity meter, and the sensor does not report 'power'"));
        if (sensor.IdleLoad is { } idle && (idle < 0 || sensor.Role != SensorRoles.Treatment))
            errors.Add(new(sensor.LineOf("idleLoad"), $"{what}: 'idleLoad' is a treatment meter's rated idle load in kW (at least 0, with role: treatment)"));
        CheckRating(sensor, what, "ratedCurrent", sensor.RatedCurrent, QuantityCatalogue.Current, "the circuit's rated current in A (its breaker's In)", errors);
        CheckRating(sensor, what, "nominalVoltage", sensor.NominalVoltage, QuantityCatalogue.Voltage, "the nominal voltage in V of what the sensor measures (220 phase to neutral, 380 between phases)", errors);
    }

    /// <summary>A circuit's rating (for the overload and voltage rules) is above zero and belongs to a sensor reporting what it rates.</summary>
    private static void CheckRating(RegistrySensor sensor, string what, string key, double? rating, Quantity rated, string meaning, List<RegistryError> errors)
    {
        if (rating is { } value && (value <= 0 || value > rated.Maximum))
            errors.Add(new(sensor.LineOf(key), $"{what}: '{key}' is {meaning}, above 0 and at most {rated.Maximum}, not {value}"));
        if (rating is not null && !sensor.Quantities.Contains(rated.Name))
            errors.Add(new(sensor.LineOf(key), $"{what}: '{key}' is {meaning}, and the sensor does not report '{rated.Name}'"));
    }

    /// <summary>A register's wrap and its recorded swaps (consumption, src/Ingest/Consumption) only make sense for a counting quantity the sensor reports.</summary>
    private static void CheckCounting(RegistrySensor sensor, string what, List<RegistryError> errors)
    {
        if (sensor.Rollover is { } rollover && rollover <= 0)
            errors.Add(new(sensor.LineOf("rollover"), $"{what}: 'rollover' must be above zero (where the register wraps, e.g. 1000000)"));
        if (sensor.Rollover is not null && !sensor.Quantities.Any(q => QuantityCatalogue.TryGet(q, out var quantity) && quantity.IsCounter))
            errors.Add(new(sensor.LineOf("rollover"), $"{what}: 'rollover' is for a counting register ({string.Join(", ", QuantityCatalogue.Counters.Select(x => x.Name))}), and the sensor reports none"));
        foreach (var swap in sensor.Replacements)
        {
            var line = sensor.LineOf("replacements");
            if (!QuantityCatalogue.TryGet(swap.Quantity, out var quantity) || !quantity.IsCounter || !sensor.Quantities.Contains(swap.Quantity))
                errors.Add(new(line, $"{what}: a replacement's quantity '{swap.Quantity}' must be a counting quantity the sensor reports ({string.Join(", ", sensor.Quantities.Where(q => QuantityCatalogue.TryGet(q, out var c) && c.IsCounter))})"));
            if (swap.OldFinal < 0 || swap.NewInitial < 0)
                errors.Add(new(line, $"{what}: a replacement's oldFinal and newInitial must not be negative"));
        }
    }

    private static void CheckId(RegistryNode node, string id, string what, List<RegistryError> errors)
    {
        if (id.Length > 0 && !Ids.IsValid(id))
            errors.Add(new(node.LineOf("id"), $"{what} id '{id}' does not match {Ids.Pattern}"));
        else if (SmartParkTopics.FixedWords.Contains(id))
            errors.Add(new(node.LineOf("id"), $"{what} id '{id}' is a word of the topic tree ({ReservedWords}): a topic holding it would be read as another kind"));
    }

    private static readonly string ReservedWords = string.Join(", ", SmartParkTopics.FixedWords.Where(Ids.IsValid).Order(StringComparer.Ordinal));

    private static void Unique(Dictionary<string, int> seen, string id, int line, string what, List<RegistryError> errors)
    {
        if (id.Length == 0)
            return;
        if (seen.TryGetValue(id, out var first))
            errors.Add(new(line, $"{what} is listed twice (first on line {first})"));
        else
            seen[id] = line;
    }

    private static void CheckCredential(RegistryNode node, string credential, string what, List<RegistryError> errors)
    {
        if (credential.Length > 0 && !credential.StartsWith('$'))
            errors.Add(new(node.LineOf("credential"), $"{what}: credential is not a Mosquitto $7$ hash but looks like a password in clear (a registry holds only hashes, so a copy of it gives no one a login); make one with ./smartpark hash-password"));
        else if (credential.Length > 0 && !MosquittoPasswordHash.TryParse(credential, out _, out var problem))
            errors.Add(new(node.LineOf("credential"), $"{what}: credential is not a Mosquitto $7$ hash ({problem}); make one with ./smartpark hash-password"));
    }

    private static void Positive(RegistryNode node, string field, double value, string what, List<RegistryError> errors)
    {
        if (value <= 0)
            errors.Add(new(node.LineOf(field), $"{what}: {field} must be greater than 0, not {value}"));
    }

    private static void NotNegative(RegistryNode node, string field, double value, string what, List<RegistryError> errors)
    {
        if (value < 0)
            errors.Add(new(node.LineOf(field), $"{what}: {field} must not be negative, not {value}"));
    }
}
