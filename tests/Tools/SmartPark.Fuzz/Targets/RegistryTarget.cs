using System.Globalization;
using System.Text;
using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Registry;
using SmartPark.Fuzz.Inputs;

namespace SmartPark.Fuzz.Targets;

/// <summary>
/// The registry file (<see cref="RegistryLoader"/>: YAML reader and validator): whatever the
/// text, it loads or throws <see cref="RegistryException"/> listing at least one problem, each
/// with a line and a message; a valid registry loads with every park, device and sensor it lists.
/// </summary>
public sealed class RegistryTarget : FuzzTarget
{
    /// <summary>One real hash serves every account (hashing is slow on purpose).</summary>
    private static readonly string Credential = MosquittoPasswordHash.Create("pw", iterations: 1);


    private static readonly string[] YamlSnippets =
    [
        "&a ", "*a", "*b", "[", "]", "{", "}", "!!binary ", "!!int ", "!custom ", "? ", "--- ", "...", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n",
        "<<: *a", "- ", ": ", "\t", "'", "\"", "|", ">", "#", "\\u0000", "\"\\U0001F600\"", "0x7FFFFFFFFFFFFFFF", "1e400", ".nan", "~", "null",
    ];

    public override string Name => "registry";

    public override void CheckBytes(byte[] input) => CheckAnyYaml(Encoding.UTF8.GetString(input));

    public override byte[] Sample(Random random) => Encoding.UTF8.GetBytes(ValidModel(random, 5).Yaml);

    public override string Description => "registry YAML reader and validator";

    public override IReadOnlyList<FuzzProperty> Properties { get; } =
    [
        FuzzProperty.Of("loads-or-lists-problems", Seeded.Gen(DamagedYaml), Shrink.Text, CheckAnyYaml, t => t),
        FuzzProperty.Of("valid-registry-loads-whole", Seeded.Gen((r, size) => ValidModel(r, size)), Shrink.Nothing, CheckValidModel, m => m.Yaml),
    ];

    /// <summary>A registry as generated: its YAML and the outline the loader must find in it.</summary>
    public sealed record Model(string Yaml, string Outline)
    {
        public override string ToString() => Yaml;
    }

    public static Model ValidModel(Random random, int size)
    {
        var yaml = new StringBuilder("parks:\n");
        var outline = new StringBuilder();
        var deviceNumber = 0;
        for (var p = random.Next(1, 2 + (size / 30)); p > 0; p--)
        {
            var park = $"park-{p}";
            outline.Append(CultureInfo.InvariantCulture, $"park {park}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: {park}\n    name: \"{Label(random)}\"\n    district: Baiyun\n    areaHectares: {random.Next(1, 500)}.5\n    leadingIndustry: furniture\n");
            var enterprises = random.Next(0, 2 + (size / 20));
            yaml.Append(enterprises == 0 ? "    enterprises: []\n" : "    enterprises:\n");
            for (var e = enterprises; e > 0; e--)
            {
                var enterprise = $"ent-{e}";
                outline.Append(CultureInfo.InvariantCulture, $" enterprise {enterprise}\n");
                yaml.Append(CultureInfo.InvariantCulture, $"      - id: {enterprise}\n        name: '{Label(random)}'\n        industry: coating\n        floorArea: {random.Next(1, 100_000)}\n        status: {Seeded.Pick(random, RenovationStatus.All)}\n");
                if (random.Next(2) == 0)
                    yaml.Append(CultureInfo.InvariantCulture, $"        plan: {{ x: {random.Next(0, 100)}, y: {random.Next(0, 100)}, width: {random.Next(1, 100)}, height: {random.Next(1, 100)} }}\n");
                var devices = random.Next(0, 4);
                yaml.Append(devices == 0 ? "        devices: []\n" : "        devices:\n");
                for (var d = devices; d > 0; d--)
                {
                    var device = $"dev-{++deviceNumber}";
                    outline.Append(CultureInfo.InvariantCulture, $"  device {device}\n");
                    yaml.Append(CultureInfo.InvariantCulture, $"          - id: {device}\n            credential: {Credential}\n            sensors:\n");
                    for (var s = random.Next(1, 4); s > 0; s--)
                    {
                        var quantities = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Seeded.Pick(random, QuantityCatalogue.Measured).Name).Distinct().ToList();
                        outline.Append(CultureInfo.InvariantCulture, $"   sensor s-{s}: {string.Join(",", quantities)}\n");
                        yaml.Append(quantities.Count == 1 && random.Next(2) == 0
                            ? $"              - {{ id: s-{s}, quantity: {quantities[0]} }}\n"
                            : $"              - id: s-{s}\n                quantities: [{string.Join(", ", quantities)}]\n");
                    }
                }
            }
        }
        var roles = ServiceRoles.All.Where(_ => random.Next(2) == 0).ToList();
        yaml.Append(roles.Count == 0 ? "services: []\n" : "services:\n");
        foreach (var role in roles)
        {
            outline.Append(CultureInfo.InvariantCulture, $"service {role}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: {role}\n    role: {role}\n    credential: {Credential}\n");
        }
        return new Model(yaml.ToString(), outline.ToString());
    }

    private static string Label(Random random) => Seeded.Text(random, "abc 石门家具 -_.", 1, 20).Trim() is { Length: > 0 } n ? n : "x";

    public static string Outline(ParkRegistry registry)
    {
        var outline = new StringBuilder();
        foreach (var park in registry.Parks)
        {
            outline.Append(CultureInfo.InvariantCulture, $"park {park.Id}\n");
            foreach (var enterprise in park.Enterprises)
            {
                outline.Append(CultureInfo.InvariantCulture, $" enterprise {enterprise.Id}\n");
                foreach (var device in enterprise.Devices)
                {
                    outline.Append(CultureInfo.InvariantCulture, $"  device {device.Id}\n");
                    foreach (var sensor in device.Sensors)
                        outline.Append(CultureInfo.InvariantCulture, $"   sensor {sensor.Id}: {string.Join(",", sensor.Quantities)}\n");
                }
            }
        }
        foreach (var service in registry.Services)
            outline.Append(CultureInfo.InvariantCulture, $"service {service.Id}\n");
        return outline.ToString();
    }

    /// <summary>A valid registry, damaged as text: lines dropped, doubled or re-indented, YAML syntax put in.</summary>
    private static string DamagedYaml(Random random, int size)
    {
        var lines = ValidModel(random, Math.Min(size, 40)).Yaml.Split('\n').ToList();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(6))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(random.Next(lines.Count), lines[at]);
                    break;
                case 2:
                    lines[at] = new string(' ', random.Next(0, 12)) + lines[at].TrimStart();
                    break;
                case 3:
                    var column = random.Next(lines[at].Length + 1);
                    lines[at] = lines[at].Insert(column, Seeded.Pick(random, YamlSnippets));
                    break;
                case 4:
                    var colon = lines[at].IndexOf(": ", StringComparison.Ordinal);
                    if (colon > 0)
                        lines[at] = lines[at][..(colon + 2)] + Seeded.Pick(random, YamlSnippets) + Seeded.Pick(random, ["x", "[a, b]", "{a: 1}", "-1", "99999999999999999999", "", "AAAAAAAAAAAAAAAAAAA"]);
                    break;
                default:
                    lines[at] = Encoding.UTF8.GetString(Mutations.Apply(random, Encoding.UTF8.GetBytes(lines[at]), 2));
                    break;
            }
        }
        if (random.Next(10) == 0)
            lines.Insert(random.Next(lines.Count), Nesting(random, size));
        return string.Join('\n', lines);
    }

    /// <summary>Deep nesting and alias fan-out: what makes a tree builder recurse or repeat work without bound.</summary>
    private static string Nesting(Random random, int size)
    {
        var depth = random.Next(1, 200 * (size + 1));
        return random.Next(4) switch
        {
            0 => new string('[', depth),
            1 => string.Concat(Enumerable.Repeat("{a: ", depth)),
            2 => string.Concat(Enumerable.Range(0, Math.Min(depth, 2000)).Select(i => new string(' ', i) + "- \n")),
            _ => "x: &a [" + string.Join(", ", Enumerable.Repeat("*a", 0)) + "1]\ny: &b [" + string.Join(", ", Enumerable.Repeat("*a", Math.Min(depth, 500))) + "]\nz: [" + string.Join(", ", Enumerable.Repeat("*b", Math.Min(depth, 500))) + "]",
        };
    }

    public static void CheckAnyYaml(string yaml)
    {
        var problem = Expect.OnlyThrows(() => RegistryLoader.Parse(yaml), typeof(RegistryException));
        if (problem is RegistryException registry)
        {
            Expect.That(registry.Errors.Count > 0, "refused with no problem listed");
            Expect.That(registry.Errors.All(e => e.Line >= 0 && !string.IsNullOrWhiteSpace(e.Message)), "a problem without a line or a message");
        }
    }

    public static void CheckValidModel(Model model)
    {
        ParkRegistry? registry = null;
        var problem = Expect.OnlyThrows(() => registry = RegistryLoader.Parse(model.Yaml), typeof(RegistryException));
        Expect.That(problem is null, $"a valid registry was refused: {problem?.Message}");
        var outline = Outline(registry!);
        Expect.That(outline == model.Outline, $"loaded as{Environment.NewLine}{outline}");
    }
}
