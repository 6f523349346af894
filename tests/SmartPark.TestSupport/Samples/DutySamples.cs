using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartPark.Contracts.Registry;
using SmartPark.Platform.Registry;

namespace SmartPark.TestSupport;

/// <summary>
/// A registry whose park (<see cref="AlertSamples"/>' <c>baiyun-shimen</c>) keeps a duty roster
/// covering every hour: zhang (email and phone), then wang (email only), then li, the manager
/// (email and phone). So the chain is zhang (level 0), wang (1), li (2).
/// </summary>
public static class DutySamples
{
    public const string Park = "baiyun-shimen";

    public static readonly (string Id, string Name, string? Phone, string? Email)[] Chain =
    [
        ("zhang", "张工", "+8613800000001", "zhang@park.example"),
        ("wang", "王工", null, "wang@park.example"),
        ("li", "李经理", "+8613800000003", "li@park.example"),
    ];

    public static string RegistryYaml(string? wangEmail = "wang@park.example") => $"""
        parks:
          - id: {Park}
            name: 石门村工业园
            district: Baiyun
            areaHectares: 18.6
            leadingIndustry: furniture
            duty:
              manager: li
              people:
                - {"{"} id: zhang, name: 张工, phone: '+8613800000001', email: zhang@park.example {"}"}
                - {"{"} id: wang, name: 王工, email: {wangEmail} {"}"}
                - {"{"} id: li, name: 李经理, phone: '+8613800000003', email: li@park.example {"}"}
              shifts:
                - {"{"} days: all, from: '00:00', until: '00:00', people: [zhang, wang] {"}"}
        services:
          - id: ingest
            role: ingest
            credential: {MosquittoPasswordHash.Create("pw", iterations: 10)}

        """;

    /// <summary>Writes the registry into <paramref name="directory"/> and returns its path.</summary>
    public static string WriteRegistry(string directory, string? wangEmail = "wang@park.example")
    {
        var path = Path.Combine(directory, "registry.yaml");
        File.WriteAllText(path, RegistryYaml(wangEmail));
        return path;
    }

    /// <summary>The registry in force from that file, as Ingest holds it.</summary>
    public static RegistryProvider Provider(string path) =>
        new(Options.Create(new RegistryOptions { Path = path }), NullLogger<RegistryProvider>.Instance);
}
