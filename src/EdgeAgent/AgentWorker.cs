using Microsoft.Extensions.Options;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Hardware;

namespace SmartPark.EdgeAgent;

/// <summary>Hosts the device's <see cref="AgentRuntime"/> for the life of the process.</summary>
public sealed class AgentWorker(IOptions<AgentOptions> options, ILoggerFactory loggers) : BackgroundService
{
    public AgentRuntime? Runtime { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var agent = options.Value;
        using var hardware = new LinuxHardware();
        var context = HardwareContext.For(agent, hardware, TimeProvider.System, loggers);
        using var fireAlarm = context.FireAlarm;
        var drivers = AgentRuntime.CreateDrivers(agent, context, loggers);
        Runtime = await AgentRuntime.CreateAsync(agent, drivers, loggers, cancellationToken: stoppingToken);
        if (context.FireAlarmInUse)
            Runtime.AttachFireAlarm(context.FireAlarm);
        await using (Runtime)
        {
            loggers.CreateLogger<AgentWorker>().LogInformation(
                "Agent {Park}/{Enterprise}/{Device} started with {Sensors} sensors, outbox {Outbox}, broker {Host}:{Port}",
                agent.Park, agent.Enterprise, agent.Device, agent.Sensors.Count, agent.OutboxPath, agent.Broker.Host, agent.Broker.Port);
            await Runtime.RunAsync(maxRounds: null, stoppingToken);
        } // disposing the runtime disposes the drivers
    }
}
