using System.Globalization;

namespace SmartPark.Bench;

/// <summary>Command line of <c>./smartpark bench ingest</c>; defaults fit in about six minutes.</summary>
internal sealed record BenchOptions
{
    /// <summary>How long each ramp step publishes at its rate.</summary>
    public TimeSpan Hold { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>How long each ceiling (InfluxDB, broker) is measured.</summary>
    public TimeSpan CeilingDuration { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>After a step, how long Ingest may take to store the rest before what is missing counts as lost.</summary>
    public TimeSpan MaxDrain { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A step keeps up when, as it ends, no more than this much of its traffic waits to be stored.</summary>
    public TimeSpan MaxLag { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Readings per message of each full-path ramp, in order.</summary>
    public IReadOnlyList<int> Batches { get; init; } = [10, 1];

    /// <summary>Batch-10 steps as fractions of InfluxDB's measured ceiling (readings/s).</summary>
    public IReadOnlyList<double> StepsBatch10 { get; init; } = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6];

    /// <summary>Batch-1 steps as fractions of the broker's measured ceiling (messages/s).</summary>
    public IReadOnlyList<double> StepsBatch1 { get; init; } = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0];

    public int Publishers { get; init; } = 16;

    /// <summary>The device-fleet phase: devices (0 skips it), readings per batch, batches per second per device.</summary>
    public int FleetDevices { get; init; } = 1_000;
    public int FleetSensors { get; init; } = 10;
    public double FleetRate { get; init; } = 2;
    public int InfluxWriters { get; init; } = 4;
    public int InfluxWriteBatch { get; init; } = 5_000;

    /// <summary>Receive Maximum of the broker-ceiling subscriber: Ingest's default, so both consume alike.</summary>
    public ushort SubscriberReceiveMaximum { get; init; } = 2_000;

    /// <summary>Carry on past a failing step (by default the ramp stops there).</summary>
    public bool KeepGoing { get; init; }

    /// <summary>The ways publishers reach Ingest, each measured with the same ramps and fleet, in order.</summary>
    public IReadOnlyList<Scenarios.IngestTopology> Topologies { get; init; } = [Scenarios.IngestTopology.Mosquitto, Scenarios.IngestTopology.Embedded];

    /// <summary>Extra <c>--Section:Key=value</c> settings for the Ingest process.</summary>
    public IReadOnlyList<string> IngestArgs { get; init; } = [];

    public const string Usage = """
        usage: ./smartpark bench ingest [options]
          --hold SECONDS             each ramp step's duration (default 12)
          --ceiling SECONDS          each ceiling measurement's duration (default 8)
          --drain SECONDS            longest wait for Ingest to finish a step (default 30)
          --max-lag SECONDS          backlog allowed at a step's end, in seconds of its traffic (default 1)
          --batches 10,1             readings per message of each full-path ramp
          --steps10 0.1,0.15,...     batch-10 steps, fractions of InfluxDB's ceiling
          --steps1 0.5,0.6,...       batch-1 steps, fractions of the broker's ceiling
          --publishers N             MQTT publisher connections (default 16)
          --fleet N                  devices of the device-fleet phase, one connection each via the
                                     simulator's load generator (default 1000; 0 skips it)
          --fleet-sensors K          readings per fleet batch (default 10)
          --fleet-rate R             batches per second per fleet device (default 2)
          --writers N                concurrent writers for InfluxDB's ceiling (default 4)
          --keep-going               do not stop a ramp at its first failing step
          --topology mosquitto,embedded
                                     how publishers reach Ingest, each run in turn (default both):
                                     through Mosquitto, or Ingest's embedded broker (PUBACK once durable)
          --ingest-arg KEY=VALUE     passed to Ingest as --KEY=VALUE (repeatable), e.g. Ingest:ReceiveMaximum=5000
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var o = new BenchOptions();
        var ingestArgs = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            double Number() => double.Parse(Next(), CultureInfo.InvariantCulture);
            IReadOnlyList<double> Numbers() => [.. Next().Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture))];
            o = args[i] switch
            {
                "--hold" => o with { Hold = TimeSpan.FromSeconds(Number()) },
                "--ceiling" => o with { CeilingDuration = TimeSpan.FromSeconds(Number()) },
                "--drain" => o with { MaxDrain = TimeSpan.FromSeconds(Number()) },
                "--max-lag" => o with { MaxLag = TimeSpan.FromSeconds(Number()) },
                "--batches" => o with { Batches = [.. Numbers().Select(n => (int)n)] },
                "--steps10" => o with { StepsBatch10 = Numbers() },
                "--steps1" => o with { StepsBatch1 = Numbers() },
                "--publishers" => o with { Publishers = (int)Number() },
                "--fleet" => o with { FleetDevices = (int)Number() },
                "--fleet-sensors" => o with { FleetSensors = (int)Number() },
                "--fleet-rate" => o with { FleetRate = Number() },
                "--writers" => o with { InfluxWriters = (int)Number() },
                "--keep-going" => o with { KeepGoing = true },
                "--topology" => o with { Topologies = [.. Next().Split(',').Select(t => Enum.Parse<Scenarios.IngestTopology>(t, ignoreCase: true))] },
                "--ingest-arg" => o,
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            if (args[i] == "--ingest-arg")
                ingestArgs.Add("--" + Next().TrimStart('-'));
        }
        return o with { IngestArgs = ingestArgs };
    }

    /// <summary>A ramp's steps as fractions of the ceiling that bounds it.</summary>
    public IReadOnlyList<double> StepsFor(int batch) => batch == 1 ? StepsBatch1 : StepsBatch10;
}
