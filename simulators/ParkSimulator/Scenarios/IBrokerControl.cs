namespace SmartPark.Simulator.Scenarios;

/// <summary>
/// Stops and starts the broker a scenario runs against, for <see cref="BrokerRestart"/>. Only a
/// harness that started the broker itself can offer it; <c>simulate run</c> against a running
/// system cannot, and refuses scenarios that need it.
/// </summary>
public interface IBrokerControl
{
    Task StopAsync(CancellationToken cancellationToken);

    Task StartAsync(CancellationToken cancellationToken);
}
