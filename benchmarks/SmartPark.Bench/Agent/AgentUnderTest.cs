using System.Globalization;
using System.Text.Json;
using SmartPark.TestSupport;

namespace SmartPark.Bench.Agent;

/// <summary>
/// The edge agent as it is deployed: its own process (the NativeAOT linux-x64 publish when
/// present, else the Release build), with the runtime settings of its systemd unit, configured
/// with 20 simulated sensors at 1 Hz. Stopped by PID.
/// </summary>
internal static class AgentUnderTest
{
    public const string Park = "bench-park";
    public const string Enterprise = "bench-ent";
    public const string Device = "bench-edge1";

    /// <summary>The runtime knobs of deploy/edgeagent/smartpark-edgeagent.service, read from
    /// its <c>Environment=</c> lines so the bench measures what the Pi runs.</summary>
    public static readonly Dictionary<string, string> UnitEnvironment = ReadUnitEnvironment(
        Path.Combine(RepositoryPaths.Root, "deploy", "edgeagent", "smartpark-edgeagent.service"));

    private static Dictionary<string, string> ReadUnitEnvironment(string unitFile) =>
        File.ReadLines(unitFile)
            .Where(line => line.StartsWith("Environment=", StringComparison.Ordinal))
            .SelectMany(line => line["Environment=".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1]);

    public static string Executable(out bool published)
    {
        var publishedExe = Path.Combine(RepositoryPaths.Root, ".smartpark", "publish", "edgeagent-linux-x64", "SmartPark.EdgeAgent");
        published = File.Exists(publishedExe);
        return published ? publishedExe : Path.Combine(RepositoryPaths.Root, "src", "EdgeAgent", "bin", "Release", "net10.0", "SmartPark.EdgeAgent.dll");
    }

    public static string WriteConfig(string dir, int brokerPort, string outboxPath)
    {
        // A realistic mix: 20 sensors, 1 Hz, about 46 readings a second.
        var drivers = new[] { "sim-energy-meter", "sim-voc", "sim-fire-detector", "sim-heat", "sim-air-quality" };
        var sensors = Enumerable.Range(1, 20).Select(i => new Dictionary<string, object>
        {
            ["Id"] = $"s{i:D2}",
            ["Driver"] = drivers[i % drivers.Length],
            ["IntervalMs"] = 1000,
        }).ToList();
        var config = new Dictionary<string, object>
        {
            ["Agent"] = new Dictionary<string, object>
            {
                ["Park"] = Park,
                ["Enterprise"] = Enterprise,
                ["Device"] = Device,
                ["OutboxPath"] = outboxPath,
                ["Broker"] = new Dictionary<string, object> { ["Host"] = "127.0.0.1", ["Port"] = brokerPort },
                ["Sensors"] = sensors,
            },
        };
        var path = Path.Combine(dir, "agent.json");
        File.WriteAllText(path, JsonSerializer.Serialize(config, BenchJson.Default.DictionaryStringObject));
        return path;
    }

    public static ProcessRunner Start(string config, string logLevel = "Warning")
    {
        var exe = Executable(out var published);
        var args = new List<string>();
        if (!published)
            args.Add(exe);
        args.AddRange(["--config", config, "--Urls", $"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}", "--Logging:LogLevel:Default", logLevel]);
        foreach (var (key, value) in UnitEnvironment)
            Environment.SetEnvironmentVariable(key, value);
        try
        {
            return ProcessRunner.Start(published ? exe : "dotnet", args);
        }
        finally
        {
            foreach (var key in UnitEnvironment.Keys)
                Environment.SetEnvironmentVariable(key, null);
        }
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, object>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(List<Dictionary<string, object>>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
[System.Text.Json.Serialization.JsonSerializable(typeof(int))]
internal sealed partial class BenchJson : System.Text.Json.Serialization.JsonSerializerContext;
