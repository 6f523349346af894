using System.Text;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Topics;

namespace SmartPark.TestSupport;

/// <summary>
/// A registry file in a temporary folder for tests: devices of one park with known passwords,
/// and the ingest and dashboard service accounts. <see cref="WriteAsync"/> replaces it whole, as
/// a deploy would. Hashes use few iterations: the tests are about who gets in, not hash cost.
/// </summary>
public sealed class RegistryFile : IDisposable
{
    public const string IngestPassword = "ingest-pw";
    public const string DashboardPassword = "dashboard-pw";

    private readonly Dictionary<string, string> _hashes = new(StringComparer.Ordinal);

    public RegistryFile()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("smartpark-registry-").FullName;
        Path = System.IO.Path.Combine(Directory, "registry.yaml");
    }

    public string Directory { get; }
    public string Path { get; }

    public static string PasswordOf(string device) => device + "-pw";

    /// <summary>The sensors every device of the file has, as YAML flow (a meter's roles, for instance).</summary>
    public string Sensors { get; set; } = "[{ id: voc-1, quantity: nmhc }]";

    public Task WriteAsync(params DeviceAddress[] devices) => File.WriteAllTextAsync(Path, Yaml(devices));

    public string Yaml(params DeviceAddress[] devices)
    {
        var text = new StringBuilder("parks:\n");
        foreach (var park in devices.GroupBy(d => d.Park))
        {
            text.Append($"  - {{ id: {park.Key}, name: Test park, district: Baiyun, areaHectares: 2, leadingIndustry: testing, enterprises: [\n");
            foreach (var enterprise in park.GroupBy(d => d.Enterprise))
            {
                text.Append($"      {{ id: {enterprise.Key}, name: Test enterprise, industry: testing, floorArea: 100, status: operating, devices: [\n");
                foreach (var device in enterprise)
                    text.Append($"          {{ id: {device.Device}, credential: '{Hash(device.Device, PasswordOf(device.Device))}', sensors: {Sensors} }},\n");
                text.Append("      ] },\n");
            }
            text.Append("  ] }\n");
        }
        text.Append("services:\n");
        text.Append($"  - {{ id: ingest, role: ingest, credential: '{Hash("ingest", IngestPassword)}' }}\n");
        text.Append($"  - {{ id: dashboard, role: dashboard, credential: '{Hash("dashboard", DashboardPassword)}' }}\n");
        return text.ToString();
    }

    /// <summary>Ingest's arguments to use this registry and log in with its service account.</summary>
    public string[] IngestArgs() =>
        [$"--Registry:Path={Path}", "--Registry:ReloadDelay=00:00:00.100", "--Ingest:Broker:Username=ingest", $"--Ingest:Broker:Password={IngestPassword}"];

    private string Hash(string user, string password)
    {
        // Same hash on every rewrite, so a reload does not change what the login cache holds.
        if (!_hashes.TryGetValue(user, out var hash))
            _hashes[user] = hash = MosquittoPasswordHash.Create(password, iterations: 50);
        return hash;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
