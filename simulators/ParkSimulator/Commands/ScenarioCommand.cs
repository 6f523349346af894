using Microsoft.Extensions.Logging;
using SmartPark.Platform.Hosting;
using SmartPark.Platform.Influx;
using SmartPark.Simulator.Scenarios;

namespace SmartPark.Simulator.Commands;

/// <summary><c>simulate run SCENARIO [--check]</c>: plays a scenario file against a running system.</summary>
public static class ScenarioCommand
{
    public const string Usage = """
        usage: simulate run SCENARIO.yaml [--check] [options]
          --check              watch alerts, dead letters and InfluxDB; exit 1 with a report if an expectation fails
          --broker-host HOST   MQTT broker (default 127.0.0.1)
          --broker-port PORT   (default 1883)
          --influx URL         InfluxDB for the "nothing lost" counts (default http://127.0.0.1:8086/)
          --influx-db NAME     (default smartpark)
          --data DIR           outboxes of the virtual devices (default ./.smartpark/sim/scenarios)
          --grace DURATION     how long --check waits after the end for late alerts and writes (default 20s)
        Environment: SMARTPARK_DEVICE_SECRET (device passwords), SMARTPARK_WATCH_USERNAME and
        SMARTPARK_WATCH_PASSWORD (an account that may read alert topics, e.g. the dashboard's),
        SMARTPARK_INFLUX_TOKEN. Scenario format: simulators/README.md.
        """ + TlsArguments.Usage;

    public static async Task<int> RunAsync(string path, string[] args)
    {
        var line = new CommandLine(CommandLine.ExpandFlags(args, ["--check", .. TlsArguments.Flags]), TlsArguments.With(new Dictionary<string, string>
        {
            ["--check"] = "check",
            ["--broker-host"] = "brokerHost",
            ["--broker-port"] = "brokerPort",
            ["--influx"] = "influx",
            ["--influx-db"] = "influxDb",
            ["--data"] = "data",
            ["--grace"] = "grace",
        }));
        using var loggers = LoggerFactory.Create(b => ServiceDefaults.ConfigureLogging(b, line.Configuration));
        Scenario scenario;
        ScenarioRunOptions options;
        try
        {
            scenario = ScenarioLoader.Load(path);
            // A real-time run keeps its outboxes across restarts, like a real agent; an accelerated
            // one starts empty, so its "nothing lost" count covers exactly its own readings.
            var run = scenario.Accelerated ? $"{scenario.Name}-{DateTime.UtcNow:yyyyMMddTHHmmss}" : scenario.Name;
            options = new ScenarioRunOptions
            {
                Simulation = new SimulationOptions
                {
                    DataDirectory = Path.Combine(Path.GetFullPath(line.Text("data") ?? Path.Combine(".smartpark", "sim", "scenarios")), run),
                    BrokerHost = line.Text("brokerHost") ?? "127.0.0.1",
                    BrokerPort = line.Int("brokerPort", 1883, 1, 65535),
                    DeviceSecret = Environment.GetEnvironmentVariable(DevicePasswords.SecretVariable) is { Length: > 0 } secret ? secret : null,
                    Tls = TlsArguments.From(line.Configuration),
                },
                Check = line.Flag("check"),
                WatchUsername = Environment.GetEnvironmentVariable("SMARTPARK_WATCH_USERNAME"),
                WatchPassword = Environment.GetEnvironmentVariable("SMARTPARK_WATCH_PASSWORD"),
                Influx = new InfluxOptions
                {
                    Url = new Uri(line.Text("influx") ?? "http://127.0.0.1:8086/"),
                    Database = line.Text("influxDb") ?? "smartpark",
                    Token = Environment.GetEnvironmentVariable("SMARTPARK_INFLUX_TOKEN") is { Length: > 0 } token ? token : null,
                },
                Grace = line.Duration("grace", TimeSpan.FromSeconds(20)),
                ProgressEvery = scenario.Accelerated ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(30),
            };
            if (options.Check && scenario.Expectations.Count == 0)
                throw new InvalidDataException($"{path}: --check needs expectations ('expect:') in the scenario");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or UriFormatException)
        {
            Console.Error.WriteLine($"simulate: {ex.Message}");
            return 2;
        }

        using var stop = CommandLine.StopOnSignals(out var signals);
        using (signals)
        {
            try
            {
                var outcome = await new ScenarioRunner(scenario, options, loggers).RunAsync(stop.Token);
                if (!options.Check)
                    return 0;
                Console.WriteLine(ScenarioRunner.Report(scenario, outcome));
                return outcome.Passed ? 0 : 1;
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or MQTTnet.Exceptions.MqttCommunicationException or InfluxException)
            {
                Console.Error.WriteLine($"simulate: {scenario.Name}: {ex.Message}");
                return 2;
            }
        }
    }
}
