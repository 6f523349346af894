using SmartPark.Contracts.Emissions;
using SmartPark.Contracts.Quantities;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SmartPark.Contracts.Registry;

/// <summary>
/// Turns registry YAML into the model, keeping every entry's lines. It checks shape only
/// (keys, types); <see cref="RegistryValidator"/> checks the rules. Both collect every problem.
/// </summary>
public static class RegistryReader
{
    /// <param name="text">The registry YAML.</param>
    /// <param name="extra">Reads the <see cref="RegistrySupervisionKeys">supervision keys</see> (the park database's import); null: they are passed over.</param>
    public static (ParkRegistry Registry, IReadOnlyList<RegistryError> Errors) Read(TextReader text, IRegistryExtraFields? extra = null)
    {
        var errors = new List<RegistryError>();
        var stream = new YamlStream();
        var parser = new BoundedYamlParser(new Parser(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            // A syntax error leaves no tree to check further: report where the parser stopped.
            var detail = ex.InnerException is { } inner ? $"{ex.Message} {inner.Message}" : ex.Message;
            errors.Add(new(checked((int)ex.Start.Line), $"not valid YAML: {detail}"));
            return (new ParkRegistry([], []), errors);
        }
        catch (ArgumentException ex)
        {
            // YamlDotNet 18 fails this way on some malformed documents (an empty key, " : a" or
            // "- :"): "The current event is of an unsupported type". Found by fuzzing.
            var line = parser.Current is { } last ? checked((int)last.Start.Line) : 1;
            errors.Add(new(line, $"not valid YAML at or before this line: {ex.Message}"));
            return (new ParkRegistry([], []), errors);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18 fails this way when the file ends inside an open [ or {.
            var line = parser.Current is { } last ? checked((int)last.End.Line) : 1;
            errors.Add(new(line, "not valid YAML: the file ends inside an unclosed [ or { that starts at or before this line"));
            return (new ParkRegistry([], []), errors);
        }
        if (stream.Documents.Count == 0)
        {
            errors.Add(new(1, "the file is empty (expected 'parks:' and 'services:')"));
            return (new ParkRegistry([], []), errors);
        }

        var root = YamlFields.Of(stream.Documents[0].RootNode, "registry", errors, "parks", "services");
        if (root is null)
            return (new ParkRegistry([], []), errors);
        var parks = root.List("parks", required: true).Select(n => ReadPark(n, errors, extra)).OfType<RegistryPark>().ToList();
        var services = root.List("services").Select(n => ReadService(n, errors)).OfType<ServiceAccount>().ToList();
        return (new ParkRegistry(parks, services), errors);
    }

    private static readonly string[] ParkKeys =
        ["id", "name", "nameEn", "district", "areaHectares", "leadingIndustry", "enterprises", "duty", .. RegistrySupervisionKeys.Park];

    private static readonly string[] EnterpriseKeys =
        ["id", "name", "nameEn", "industry", "floorArea", "status", "plan", "dischargePermit", "devices", "monitoringPoints", .. RegistrySupervisionKeys.Enterprise];

    private static RegistryPark? ReadPark(YamlNode node, List<RegistryError> errors, IRegistryExtraFields? extra)
    {
        var f = YamlFields.Of(node, "park", errors, ParkKeys);
        if (f is null)
            return null;
        var park = new RegistryPark
        {
            Line = f.Line,
            FieldLines = f.Lines,
            Id = f.String("id"),
            Name = f.String("name"),
            NameEn = f.Has("nameEn") ? f.String("nameEn") : null,
            District = f.String("district"),
            AreaHectares = f.Number("areaHectares"),
            LeadingIndustry = f.String("leadingIndustry"),
            Enterprises = f.List("enterprises").Select(n => ReadEnterprise(n, errors, extra)).OfType<RegistryEnterprise>().ToList(),
            Duty = f.Node("duty") is { } duty ? Duty.DutyReader.Read(duty, errors) : null,
        };
        extra?.Park(park, f, errors);
        return park;
    }

    private static RegistryEnterprise? ReadEnterprise(YamlNode node, List<RegistryError> errors, IRegistryExtraFields? extra)
    {
        var f = YamlFields.Of(node, "enterprise", errors, EnterpriseKeys);
        if (f is null)
            return null;
        var enterprise = new RegistryEnterprise
        {
            Line = f.Line,
            FieldLines = f.Lines,
            Id = f.String("id"),
            Name = f.String("name"),
            NameEn = f.Has("nameEn") ? f.String("nameEn") : null,
            Industry = f.String("industry"),
            FloorArea = f.Number("floorArea"),
            Status = f.String("status"),
            Plan = f.Node("plan") is { } plan ? ReadPlan(plan, errors) : null,
            DischargePermit = f.Node("dischargePermit") is { } permit ? ReadDischargePermit(permit, errors) : null,
            Devices = f.List("devices").Select(n => ReadDevice(n, errors)).OfType<RegistryDevice>().ToList(),
            MonitoringPoints = f.List("monitoringPoints").Select(n => ReadMonitoringPoint(n, errors)).OfType<RegistryMonitoringPoint>().ToList(),
        };
        extra?.Enterprise(enterprise, f, errors);
        return enterprise;
    }

    private static RegistryDischargePermit? ReadDischargePermit(YamlNode node, List<RegistryError> errors)
    {
        var f = YamlFields.Of(node, "discharge permit", errors, "number", "expiry", "limits");
        if (f is null)
            return null;
        var limits = new List<PermitLimit>();
        switch (f.Node("limits"))
        {
            case null:
                break;
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    if (key is YamlScalarNode { Value: { Length: > 0 } quantity } && value is YamlScalarNode { Value: { } text }
                        && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var limit) && double.IsFinite(limit))
                        limits.Add(new PermitLimit(quantity, limit, YamlFields.LineOf(key)));
                    else
                        errors.Add(new(YamlFields.LineOf(key), "discharge permit: each of 'limits' must be quantity: limit (e.g. nox_converted: 100)"));
                }
                break;
            case var other:
                errors.Add(new(YamlFields.LineOf(other), "discharge permit: 'limits' must be a mapping of quantity: limit (e.g. { nox_converted: 100, cod: 60 })"));
                break;
        }
        return new RegistryDischargePermit { Line = f.Line, FieldLines = f.Lines, Number = f.String("number"), Expiry = f.Date("expiry"), Limits = limits };
    }

    /// <summary><c>emission: { referenceO2: 9, basis: wet, flow: actual }</c> on a sensor (see <see cref="EmissionSettings"/>).</summary>
    private static EmissionSettings? ReadEmission(YamlNode node, List<RegistryError> errors)
    {
        var f = YamlFields.Of(node, "sensor emission", errors, "referenceO2", "basis", "flow");
        if (f is null)
            return null;
        var reference = f.Has("referenceO2") ? f.Number("referenceO2") : double.NaN;
        if (f.Has("referenceO2") && double.IsFinite(reference) && reference is < 0 or > EmissionSettings.MaxReferenceOxygen)
            errors.Add(new(f.Lines.GetValueOrDefault("referenceO2", f.Line), $"sensor emission: 'referenceO2' is a % by volume from 0 to {EmissionSettings.MaxReferenceOxygen} (9 for coal boilers, 3.5 for oil and gas under GB 13271-2014), not {reference}"));
        var basis = f.Has("basis") ? f.String("basis") : EmissionSettings.Dry;
        if (basis is not (EmissionSettings.Dry or EmissionSettings.Wet))
            errors.Add(new(f.Lines.GetValueOrDefault("basis", f.Line), $"sensor emission: 'basis' is '{EmissionSettings.Dry}' or '{EmissionSettings.Wet}', not '{basis}'"));
        var flow = f.Has("flow") ? f.String("flow") : EmissionSettings.StandardFlow;
        if (flow is not (EmissionSettings.StandardFlow or EmissionSettings.Actual))
            errors.Add(new(f.Lines.GetValueOrDefault("flow", f.Line), $"sensor emission: 'flow' is '{EmissionSettings.StandardFlow}' (dry, 0 °C, 101.325 kPa) or '{EmissionSettings.Actual}' (stack conditions), not '{flow}'"));
        return new EmissionSettings
        {
            ReferenceOxygen = double.IsFinite(reference) ? reference : null,
            WetBasis = basis == EmissionSettings.Wet,
            ActualFlow = flow == EmissionSettings.Actual,
        };
    }

    private static RegistryMonitoringPoint? ReadMonitoringPoint(YamlNode node, List<RegistryError> errors)
    {
        var f = YamlFields.Of(node, "monitoring point", errors,
            "mn", "pw", "st", "name", "device", "sensor", "platform", "pollutants", "version", "ack", "rtdInterval", "minInterval", "meters");
        if (f is null)
            return null;
        string host = "";
        double port = double.NaN;
        if (f.Node("platform") is { } platformNode && YamlFields.Of(platformNode, "monitoring point platform", errors, "host", "port") is { } platform)
        {
            host = platform.String("host");
            port = platform.Number("port");
        }
        else if (!f.Has("platform"))
        {
            errors.Add(new(f.Line, "monitoring point: 'platform' is missing (host and port of the bureau's HJ 212 platform)"));
        }
        var pollutants = new List<RegistryPollutant>();
        switch (f.Node("pollutants"))
        {
            case null:
                errors.Add(new(f.Line, "monitoring point: 'pollutants' is missing (quantity: pollutant code, e.g. nmhc: a24088)"));
                break;
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    if (key is YamlScalarNode { Value: { Length: > 0 } quantity } && value is YamlScalarNode { Value: { Length: > 0 } code })
                        pollutants.Add(new RegistryPollutant(quantity, code, YamlFields.LineOf(key)));
                    else
                        errors.Add(new(YamlFields.LineOf(key), "monitoring point: each of 'pollutants' must be quantity: pollutant code"));
                }
                if (map.Children.Count == 0)
                    errors.Add(new(YamlFields.LineOf(map), "monitoring point: 'pollutants' is empty"));
                break;
            case YamlSequenceNode list:
                // Quantities alone: each is reported under the HJ 212 code the catalogue gives it
                // (an empty code here when it has none, which the rules report).
                foreach (var item in list.Children)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } quantity })
                        pollutants.Add(new RegistryPollutant(quantity, QuantityCatalogue.TryGet(quantity, out var q) && q.Hj212 is { } factor ? factor.Code : "", YamlFields.LineOf(item)));
                    else
                        errors.Add(new(YamlFields.LineOf(item), "monitoring point: each item of 'pollutants' must be a quantity"));
                }
                if (list.Children.Count == 0)
                    errors.Add(new(YamlFields.LineOf(list), "monitoring point: 'pollutants' is empty"));
                break;
            case var other:
                errors.Add(new(YamlFields.LineOf(other), "monitoring point: 'pollutants' must be a mapping of quantity: pollutant code, or a list of quantities the catalogue gives a code"));
                break;
        }
        var version = f.Number("version", required: false);
        return new RegistryMonitoringPoint
        {
            Line = f.Line,
            FieldLines = f.Lines,
            Mn = f.String("mn"),
            Pw = f.String("pw"),
            St = f.String("st"),
            Name = f.Has("name") ? f.String("name") : null,
            Device = f.String("device"),
            Sensor = f.Has("sensor") ? f.String("sensor") : null,
            PlatformHost = host,
            PlatformPort = port,
            Pollutants = pollutants,
            Version = double.IsNaN(version) ? 2017 : (int)version,
            Ack = f.Bool("ack", true),
            RtdInterval = f.Has("rtdInterval") ? f.Number("rtdInterval") : null,
            MinInterval = f.Has("minInterval") ? f.Number("minInterval") : null,
            Meters = PointMeters.Read(f.List("meters"), errors),
        };
    }

    private static PlanRect? ReadPlan(YamlNode node, List<RegistryError> errors)
    {
        var f = YamlFields.Of(node, "plan", errors, "x", "y", "width", "height");
        if (f is null)
            return null;
        return new PlanRect
        {
            Line = f.Line,
            FieldLines = f.Lines,
            X = f.Number("x"),
            Y = f.Number("y"),
            Width = f.Number("width"),
            Height = f.Number("height"),
        };
    }

    private static RegistryDevice? ReadDevice(YamlNode node, List<RegistryError> errors)
    {
        var f = YamlFields.Of(node, "device", errors, "id", "credential", "sensors");
        if (f is null)
            return null;
        if (f.Node("sensors") is YamlSequenceNode { Children.Count: 0 } empty)
            errors.Add(new(YamlFields.LineOf(empty), "device: 'sensors' is empty (a device without sensors sends nothing)"));
        return new RegistryDevice
        {
            Line = f.Line,
            FieldLines = f.Lines,
            Id = f.String("id"),
            Credential = f.String("credential"),
            Sensors = f.List("sensors", required: true).Select(n => ReadSensor(n, errors)).OfType<RegistrySensor>().ToList(),
        };
    }

    private static RegistrySensor? ReadSensor(YamlNode node, List<RegistryError> errors)
    {
        // "quantity: nmhc" for the usual one-quantity sensor, "quantities: [...]" for a meter.
        var f = YamlFields.Of(node, "sensor", errors, "id", "quantity", "quantities", "rollover", "replacements", "emission", "role", "idleLoad", "ratedCurrent", "nominalVoltage");
        if (f is null)
            return null;
        List<string> quantities;
        if (f.Has("quantity") && f.Has("quantities"))
        {
            errors.Add(new(f.Line, "sensor: give either 'quantity' or 'quantities', not both"));
            quantities = [];
        }
        else if (f.Has("quantities"))
        {
            quantities = [];
            foreach (var item in f.List("quantities"))
            {
                if (item is YamlScalarNode { Value: { Length: > 0 } q })
                    quantities.Add(q);
                else
                    errors.Add(new(YamlFields.LineOf(item), "sensor: each of 'quantities' must be a quantity name"));
            }
        }
        else if (f.Has("quantity"))
        {
            quantities = [f.String("quantity")];
        }
        else
        {
            errors.Add(new(f.Line, "sensor: 'quantity' (or 'quantities') is missing"));
            quantities = [];
        }
        var lines = new Dictionary<string, int>(f.Lines);
        if (lines.TryGetValue("quantity", out var line))
            lines["quantities"] = line;
        var rollover = f.Has("rollover") ? f.Number("rollover") : double.NaN;
        return new RegistrySensor
        {
            Line = f.Line,
            FieldLines = lines,
            Id = f.String("id"),
            Quantities = quantities,
            Rollover = double.IsFinite(rollover) ? rollover : null,
            Emission = f.Node("emission") is { } emission ? ReadEmission(emission, errors) : null,
            Role = f.Has("role") ? f.String("role") : null,
            IdleLoad = f.Has("idleLoad") && f.Number("idleLoad") is var idle && double.IsFinite(idle) ? idle : null,
            RatedCurrent = f.Has("ratedCurrent") && f.Number("ratedCurrent") is var rated && double.IsFinite(rated) ? rated : null,
            NominalVoltage = f.Has("nominalVoltage") && f.Number("nominalVoltage") is var nominal && double.IsFinite(nominal) ? nominal : null,
            Replacements = [.. f.List("replacements").Select(n => ReadReplacement(n, errors)).OfType<RegistryMeterReplacement>().OrderBy(r => r.At)],
        };
    }

    /// <summary><c>{ quantity: energy, at: 2026-05-04T09:30:00+08:00, oldFinal: 123456.7, newInitial: 0.2 }</c>:
    /// a recorded swap of a counting meter (the park database's MeterReplacements).</summary>
    private static RegistryMeterReplacement? ReadReplacement(YamlNode node, List<RegistryError> errors)
    {
        var f = YamlFields.Of(node, "replacement", errors, "quantity", "at", "oldFinal", "newInitial");
        if (f is null)
            return null;
        var quantity = f.String("quantity");
        var atText = f.String("at");
        var oldFinal = f.Number("oldFinal");
        var newInitial = f.Number("newInitial");
        DateTimeOffset at = default;
        if (atText.Length > 0 && !TryParseTimestamp(atText, out at))
            errors.Add(new(f.Lines.GetValueOrDefault("at", f.Line), $"replacement: 'at' must be a timestamp with its offset (2026-05-04T09:30:00+08:00), not '{atText}'"));
        if (quantity.Length == 0 || atText.Length == 0 || at == default || !double.IsFinite(oldFinal) || !double.IsFinite(newInitial))
            return null;
        return new RegistryMeterReplacement(quantity, at, oldFinal, newInitial);
    }

    /// <summary>The formats a replacement's <c>at</c> is written in: ISO 8601 with the offset spelled out, so no reader guesses a time zone.</summary>
    private static readonly string[] TimestampFormats =
        ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    /// <summary>How the export writes a replacement's time (the reader takes it back unchanged).</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    private static bool TryParseTimestamp(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(text, TimestampFormats, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out at);

    private static ServiceAccount? ReadService(YamlNode node, List<RegistryError> errors)
    {
        var f = YamlFields.Of(node, "service", errors, "id", "role", "credential");
        if (f is null)
            return null;
        return new ServiceAccount
        {
            Line = f.Line,
            FieldLines = f.Lines,
            Id = f.String("id"),
            Role = f.String("role"),
            Credential = f.String("credential"),
        };
    }
}
