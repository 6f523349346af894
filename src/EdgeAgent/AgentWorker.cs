using Microsoft.Extensions.Options;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent;

/// <summary>Hosts the device's <see cref="AgentRuntime"/> for the life of the process.</summary>
public sealed class AgentWorker(IOptions<AgentOptions> options, ILoggerFactory loggers) : BackgroundService
{
    public AgentRuntime? Runtime { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var agent = options.Value;
        Runtime = await AgentRuntime.CreateAsync(agent, AgentRuntime.CreateDrivers(agent, loggers), loggers, cancellationToken: stoppingToken);
        await using (Runtime)
        {
            loggers.CreateLogger<AgentWorker>().LogInformation(
                "Agent {Park}/{Enterprise}/{Device} started with {Sensors} sensors, outbox {Outbox}, broker {Host}:{Port}",
                agent.Park, agent.Enterprise, agent.Device, agent.Sensors.Count, agent.OutboxPath, agent.Broker.Host, agent.Broker.Port);
            await Runtime.RunAsync(maxRounds: null, stoppingToken);
        }
    }
}
