using System.Text.Json;
using SmartPark.Contracts.Topics;
using SmartPark.EdgeAgent.Drivers;

namespace SmartPark.Simulator;

/// <summary>Reads and checks a park file, naming every problem it finds.</summary>
public static class ParkFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static ParkDefinition Load(string path)
    {
        ParkDefinition? park;
        try
        {
            park = JsonSerializer.Deserialize<ParkDefinition>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: line {ex.LineNumber + 1}: {ex.Message}", ex);
        }
        if (park is null)
            throw new InvalidDataException($"{path}: empty park file");
        var problems = Check(park);
        if (problems.Count > 0)
            throw new InvalidDataException($"{path}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
        return park;
    }

    public static IReadOnlyList<string> Check(ParkDefinition park)
    {
        var problems = new List<string>();
        if (!Ids.IsValid(park.Park.Id))
            problems.Add($"park id '{park.Park.Id}' must match {Ids.Pattern}");
        if (park.Enterprises.Count == 0)
            problems.Add("the park has no enterprises");
        var enterprises = new HashSet<string>();
        var devices = new HashSet<string>();
        foreach (var e in park.Enterprises)
        {
            if (!Ids.IsValid(e.Id))
                problems.Add($"enterprise id '{e.Id}' must match {Ids.Pattern}");
            else if (!enterprises.Add(e.Id))
                problems.Add($"enterprise '{e.Id}' is listed twice");
            if (e.Status is not ("operating" or "shut_down" or "relocating" or "converting" or "upgraded"))
                problems.Add($"enterprise '{e.Id}': status '{e.Status}' is not operating, shut_down, relocating, converting or upgraded");
            foreach (var d in e.Devices)
            {
                if (!Ids.IsValid(d.Id))
                    problems.Add($"enterprise '{e.Id}': device id '{d.Id}' must match {Ids.Pattern}");
                else if (!devices.Add(d.Id))
                    problems.Add($"device '{d.Id}' is listed twice (device ids are client ids: unique in the park)");
                if (d.Sensors.Count == 0)
                    problems.Add($"device '{d.Id}' has no sensors");
                foreach (var s in d.Sensors.Where(s => !DriverFactory.Known.Contains(s.Driver)))
                    problems.Add($"device '{d.Id}', sensor '{s.Id}': unknown driver '{s.Driver}' (known: {string.Join(", ", DriverFactory.Known)})");
            }
        }
        return problems;
    }
}
