using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SmartPark.Contracts.Registry;

/// <summary>
/// Turns registry YAML into the model, keeping every entry's lines. It checks shape only
/// (keys, types); <see cref="RegistryValidator"/> checks the rules. Both collect every problem.
/// </summary>
public static class RegistryReader
{
    public static (ParkRegistry Registry, IReadOnlyList<RegistryError> Errors) Read(TextReader text)
    {
        var errors = new List<RegistryError>();
        var stream = new YamlStream();
        var parser = new Parser(text);
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
        var parks = root.List("parks", required: true).Select(n => ReadPark(n, errors)).OfType<RegistryPark>().ToList();
        var services = root.List("services").Select(n => ReadService(n, errors)).OfType<ServiceAccount>().ToList();
        return (new ParkRegistry(parks, services), errors);
    }

    private static RegistryPark? ReadPark(YamlNode node, List<RegistryError> errors)
    {
        var f = YamlFields.Of(node, "park", errors, "id", "name", "district", "areaHectares", "leadingIndustry", "enterprises");
        if (f is null)
            return null;
        return new RegistryPark
        {
            Line = f.Line,
            FieldLines = f.Lines,
            Id = f.String("id"),
            Name = f.String("name"),
            District = f.String("district"),
            AreaHectares = f.Number("areaHectares"),
            LeadingIndustry = f.String("leadingIndustry"),
            Enterprises = f.List("enterprises").Select(n => ReadEnterprise(n, errors)).OfType<RegistryEnterprise>().ToList(),
        };
    }

    private static RegistryEnterprise? ReadEnterprise(YamlNode node, List<RegistryError> errors)
    {
        var f = YamlFields.Of(node, "enterprise", errors, "id", "name", "industry", "floorArea", "status", "plan", "devices");
        if (f is null)
            return null;
        return new RegistryEnterprise
        {
            Line = f.Line,
            FieldLines = f.Lines,
            Id = f.String("id"),
            Name = f.String("name"),
            Industry = f.String("industry"),
            FloorArea = f.Number("floorArea"),
            Status = f.String("status"),
            Plan = f.Node("plan") is { } plan ? ReadPlan(plan, errors) : null,
            Devices = f.List("devices").Select(n => ReadDevice(n, errors)).OfType<RegistryDevice>().ToList(),
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
        var f = YamlFields.Of(node, "sensor", errors, "id", "quantity", "quantities");
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
        return new RegistrySensor { Line = f.Line, FieldLines = lines, Id = f.String("id"), Quantities = quantities };
    }

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
