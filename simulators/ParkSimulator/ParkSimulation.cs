using System.Globalization;
using Microsoft.Extensions.Logging;
using SmartPark.Contracts.Topics;
using SmartPark.EdgeAgent;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.Simulator;

/// <summary>
/// A virtual park: one <see cref="AgentRuntime"/> per device, the same pipeline a Raspberry Pi
/// runs (sampler → SQLite outbox → MQTT QoS 1), fed by simulated drivers.
/// </summary>
public sealed class ParkSimulation : IAsyncDisposable
{
    private readonly List<(DeviceAddress Address, AgentRuntime Runtime)> _devices;
    private readonly SimulationOptions _options;

    private ParkSimulation(List<(DeviceAddress, AgentRuntime)> devices, SimulationOptions options)
    {
        _devices = devices;
        _options = options;
    }

    public IReadOnlyList<DeviceAddress> Devices => _devices.Select(d => d.Address).ToList();

    public static async Task<ParkSimulation> CreateAsync(ParkDefinition park, SimulationOptions options, ILoggerFactory loggers, CancellationToken cancellationToken = default)
    {
        var devices = new List<(DeviceAddress, AgentRuntime)>();
        foreach (var enterprise in park.Enterprises)
        {
            foreach (var device in enterprise.Devices)
            {
                var agent = AgentOptionsFor(park, enterprise, device, options);
                var runtime = await AgentRuntime.CreateAsync(agent, AgentRuntime.CreateDrivers(agent), loggers, cancellationToken: cancellationToken);
                devices.Add((agent.Address, runtime));
            }
        }
        return new ParkSimulation(devices, options);
    }

    /// <summary>The agent file a real device in this place would carry.</summary>
    public static AgentOptions AgentOptionsFor(ParkDefinition park, EnterpriseDefinition enterprise, DeviceDefinition device, SimulationOptions options)
    {
        var shift = enterprise.Status == "shut_down" ? "shut-down" : enterprise.Shift;
        return new AgentOptions
        {
            Park = park.Park.Id,
            Enterprise = enterprise.Id,
            Device = device.Id,
            OutboxPath = Path.Combine(options.DataDirectory, park.Park.Id, enterprise.Id, device.Id + ".outbox.db"),
            Broker = options.BrokerFor(device.Id),
            Sensors = device.Sensors.Select(s => new SensorOptions
            {
                Id = s.Id,
                Driver = s.Driver,
                IntervalMs = options.IntervalOverrideMs ?? s.IntervalMs,
                Settings = new Dictionary<string, string>(s.Settings, StringComparer.OrdinalIgnoreCase)
                {
                    ["shift"] = s.Settings.GetValueOrDefault("shift") ?? shift,
                    ["seed"] = s.Settings.GetValueOrDefault("seed") ?? options.Seed.ToString(CultureInfo.InvariantCulture),
                },
            }).ToList(),
        };
    }

    /// <summary>Runs every device until cancelled (or until each has read <see cref="SimulationOptions.Rounds"/> times).</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_devices.Select(d => d.Runtime.RunAsync(_options.Rounds, cancellationToken)));

    /// <summary>Completes when every device has taken its rounds and emptied its outbox to the broker.</summary>
    public async Task WaitUntilDeliveredAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_devices.Select(d => d.Runtime.SamplingCompleted)).WaitAsync(cancellationToken);
        await Task.WhenAll(_devices.Select(d => d.Runtime.WaitUntilDrainedAsync(cancellationToken)));
    }

    public async Task<SimulationStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        long stored = 0, acknowledged = 0, pending = 0;
        var connected = 0;
        foreach (var (_, runtime) in _devices)
        {
            var s = await runtime.GetStatsAsync(cancellationToken);
            stored += s.ReadingsStored;
            acknowledged += s.ReadingsAcknowledged;
            pending += s.PendingReadings;
            if (runtime.Mqtt.IsUp)
                connected++;
        }
        return new SimulationStats(_devices.Count, connected, stored, acknowledged, pending);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, runtime) in _devices)
            await runtime.DisposeAsync();
    }
}

/// <summary>Readings the virtual devices produced (stored in their outboxes), had acknowledged, and still hold.</summary>
public sealed record SimulationStats(int Devices, int Connected, long ReadingsProduced, long ReadingsAcknowledged, long ReadingsPending);
