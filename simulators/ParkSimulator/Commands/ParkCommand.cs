using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SmartPark.Platform.Hosting;

namespace SmartPark.Simulator.Commands;

/// <summary><c>simulate run --park FILE</c>: runs a park file's devices with no scenario.</summary>
public static class ParkCommand
{
    public const string Usage = """
        usage: simulate run --park FILE [options]
          --park FILE          park file (see simulators/ParkSimulator/parks/)
          --broker-host HOST   MQTT broker (default 127.0.0.1)
          --broker-port PORT   (default 1883)
          --data DIR           where the virtual devices keep their outboxes (default ./.smartpark/sim)
          --seed N             same seed, same readings (default 1)
          --rounds N           stop each sensor after N reads, deliver, and exit
          --interval-ms N      read every sensor every N ms instead of the park file's intervals
        With SMARTPARK_DEVICE_SECRET set, each device logs in as its id with a password derived
        from the secret (see simulators/README.md, "The demo's credentials"); `simulate device-password DEVICE` prints it.
        """ + TlsArguments.Usage;

    public static async Task<int> RunAsync(string[] args)
    {
        var config = new ConfigurationBuilder()
            .AddCommandLine(CommandLine.ExpandFlags(args, TlsArguments.Flags), TlsArguments.With(new Dictionary<string, string>
            {
                ["--park"] = "park",
                ["--broker-host"] = "brokerHost",
                ["--broker-port"] = "brokerPort",
                ["--data"] = "data",
                ["--seed"] = "seed",
                ["--rounds"] = "rounds",
                ["--interval-ms"] = "intervalMs",
            }))
            .Build();
        using var loggers = LoggerFactory.Create(b => ServiceDefaults.ConfigureLogging(b, config));
        var log = loggers.CreateLogger("simulate");

        ParkDefinition park;
        try
        {
            park = ParkFile.Load(config["park"] ?? throw new InvalidDataException("--park FILE is required"));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            Console.Error.WriteLine($"simulate: {ex.Message}");
            return 2;
        }

        var options = new SimulationOptions
        {
            DataDirectory = Path.GetFullPath(config["data"] ?? Path.Combine(".smartpark", "sim")),
            BrokerHost = config["brokerHost"] ?? "127.0.0.1",
            BrokerPort = int.Parse(config["brokerPort"] ?? "1883", CultureInfo.InvariantCulture),
            Seed = int.Parse(config["seed"] ?? "1", CultureInfo.InvariantCulture),
            Rounds = config["rounds"] is { } r ? long.Parse(r, CultureInfo.InvariantCulture) : null,
            IntervalOverrideMs = config["intervalMs"] is { } i ? int.Parse(i, CultureInfo.InvariantCulture) : null,
            // From the environment only: a secret on the command line shows in ps and shell history.
            DeviceSecret = Environment.GetEnvironmentVariable(DevicePasswords.SecretVariable) is { Length: > 0 } secret ? secret : null,
            Tls = TlsArguments.From(config),
        };

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });

        await using var simulation = await ParkSimulation.CreateAsync(park, options, loggers, stop.Token);
        log.LogInformation("Simulating park {Park} ({Name}, {District}): {Devices} devices in {Enterprises} enterprises, broker {Host}:{Port} ({Login})",
            park.Park.Id, park.Park.Name, park.Park.District, simulation.Devices.Count, park.Enterprises.Count, options.BrokerHost, options.BrokerPort,
            options.DeviceSecret is null ? "anonymous" : "devices log in with derived passwords");

        var running = simulation.RunAsync(stop.Token);
        var progress = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await timer.WaitForNextTickAsync(stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                var s = await simulation.GetStatsAsync();
                log.LogInformation("Progress: {Connected}/{Devices} devices connected, {Produced} readings produced, {Acknowledged} acknowledged, {Pending} pending",
                    s.Connected, s.Devices, s.ReadingsProduced, s.ReadingsAcknowledged, s.ReadingsPending);
            }
        });

        if (options.Rounds is not null)
        {
            await simulation.WaitUntilDeliveredAsync(stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await stop.CancelAsync();
        }
        await running;
        await progress;
        var final = await simulation.GetStatsAsync();
        log.LogInformation("Done: {Produced} readings produced, {Acknowledged} acknowledged by the broker, {Pending} still in outboxes",
            final.ReadingsProduced, final.ReadingsAcknowledged, final.ReadingsPending);
        return 0;
    }
}
