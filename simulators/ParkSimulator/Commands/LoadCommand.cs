using System.Globalization;
using Microsoft.Extensions.Logging;
using SmartPark.Contracts.Registry;
using SmartPark.Platform.Hosting;
using SmartPark.Simulator.Load;

namespace SmartPark.Simulator.Commands;

/// <summary><c>simulate load</c>: many devices, one MQTT connection and login each, ramp and hold.</summary>
public static class LoadCommand
{
    public const string Usage = """
        usage: simulate load --devices N [--sensors K] [--rate R] [options]
          --devices N          devices, each with its own MQTT connection (default 100)
          --sensors K          readings per batch (default 4)
          --rate R             batches per second per device (default 0.2; 0 only connects)
          --ramp DURATION      open the connections evenly over this long (default 30s)
          --hold DURATION      then keep them all publishing this long (default 60s)
          --broker-host HOST   (default 127.0.0.1)
          --broker-port PORT   (default 1883)
          --park ID            park of the load devices (default load-park)
          --prefix P           device ids P-00001…, enterprises P-e001… of 100 devices (default load)
          --max-in-flight N    unacknowledged publishes at most; more waits as backlog (default 20000)
          --write-passwd FILE  write a Mosquitto password file for the devices and exit
          --hash-iterations N  PBKDF2 iterations of those hashes (default 10000)
        With SMARTPARK_DEVICE_SECRET set, device D logs in as D with the password derived from
        the secret (`simulate device-password D`); without it, devices connect anonymously.
        """ + TlsArguments.Usage;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        var line = new CommandLine(CommandLine.ExpandFlags(args, TlsArguments.Flags), TlsArguments.With(new Dictionary<string, string>
        {
            ["--devices"] = "devices",
            ["--sensors"] = "sensors",
            ["--rate"] = "rate",
            ["--ramp"] = "ramp",
            ["--hold"] = "hold",
            ["--broker-host"] = "brokerHost",
            ["--broker-port"] = "brokerPort",
            ["--park"] = "park",
            ["--prefix"] = "prefix",
            ["--max-in-flight"] = "maxInFlight",
            ["--write-passwd"] = "writePasswd",
            ["--hash-iterations"] = "hashIterations",
        }));
        using var loggers = LoggerFactory.Create(b => ServiceDefaults.ConfigureLogging(b, line.Configuration));
        var log = loggers.CreateLogger("load");
        LoadOptions options;
        try
        {
            options = new LoadOptions
            {
                Devices = line.Int("devices", 100, 1, 100_000),
                Sensors = line.Int("sensors", 4, 1, 500),
                Rate = line.Double("rate", 0.2, 0, 100),
                Ramp = line.Duration("ramp", TimeSpan.FromSeconds(30)),
                Hold = line.Duration("hold", TimeSpan.FromSeconds(60)),
                Host = line.Text("brokerHost") ?? "127.0.0.1",
                Port = line.Int("brokerPort", 1883, 1, 65535),
                Park = line.Text("park") ?? "load-park",
                Prefix = line.Text("prefix") ?? "load",
                MaxInFlight = line.Int("maxInFlight", 20_000, 1, 1_000_000),
                DeviceSecret = Environment.GetEnvironmentVariable(DevicePasswords.SecretVariable) is { Length: > 0 } secret ? secret : null,
                Tls = TlsArguments.From(line.Configuration),
            };
            var problems = options.Problems().ToList();
            if (problems.Count > 0)
                throw new ArgumentException(string.Join("; ", problems));
            if (line.Text("writePasswd") is { } passwd)
                return await WritePasswordFileAsync(options, passwd, line.Int("hashIterations", MosquittoPasswordHash.DefaultIterations, 1, 1_000_000), log);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"simulate load: {ex.Message}");
            return 2;
        }

        log.LogInformation("Load: {Devices} devices ({Login}) to {Host}:{Port}, {Sensors} readings per batch, {Rate} batches/s each, ramp {Ramp}s, hold {Hold}s",
            options.Devices, options.DeviceSecret is null ? "anonymous" : "each with its own login", options.Host, options.Port, options.Sensors, options.Rate,
            options.Ramp.TotalSeconds, options.Hold.TotalSeconds);
        using var stop = CommandLine.StopOnSignals(out var signals);
        using (signals)
        {
            var summary = await new LoadRun(options, log).RunAsync(stop.Token);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                Load summary: {summary.PeakConnected}/{summary.Devices} devices connected at peak ({summary.ConnectFailures} connects failed)
                  batches published {summary.Published}, acknowledged {summary.Acknowledged}, refused or failed {summary.Refused}
                  while holding: {summary.HoldMessagesPerSecond:0} batches/s, {summary.HoldReadingsPerSecond:0} readings/s, CPU {summary.HoldCpuPercent:0}% of one core
                  peak RSS {summary.PeakWorkingSetMb:0} MB; per 1000 connected devices: CPU {summary.CpuPerThousand:0.0}% of one core, {summary.MbPerThousand:0.0} MB
                """));
            return summary.PeakConnected == summary.Devices ? 0 : 1;
        }
    }

    private static async Task<int> WritePasswordFileAsync(LoadOptions options, string path, int iterations, ILogger log)
    {
        if (options.DeviceSecret is null)
        {
            Console.Error.WriteLine($"simulate load: --write-passwd needs {DevicePasswords.SecretVariable} (the passwords derive from it)");
            return 2;
        }
        var lines = new string[options.Devices];
        var done = 0;
        Parallel.For(0, options.Devices, i =>
        {
            var id = options.DeviceId(i);
            lines[i] = $"{id}:{MosquittoPasswordHash.Create(DevicePasswords.Derive(options.DeviceSecret, id), iterations)}";
            if (Interlocked.Increment(ref done) % 1000 == 0)
                log.LogInformation("Hashed {Done}/{Devices} passwords", done, options.Devices);
        });
        await File.WriteAllLinesAsync(path, lines);
        log.LogInformation("Wrote {Count} devices to {Path} ({Iterations} PBKDF2 iterations)", lines.Length, path, iterations);
        return 0;
    }
}
