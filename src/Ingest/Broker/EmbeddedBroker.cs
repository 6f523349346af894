using System.Net;
using Microsoft.Extensions.Options;
using MQTTnet.Server;
using SmartPark.Platform.Registry;

namespace SmartPark.Ingest.Broker;

/// <summary>
/// The MQTTnet broker Ingest hosts on loopback by default, so a small park needs no separate
/// broker. It keeps persistent sessions (QoS 1 messages wait for a consumer that is away).
/// It cannot do MQTT 5 shared subscriptions; a park that runs several Ingest replicas uses
/// Mosquitto or EMQX instead (<c>EmbeddedBroker:Enabled=false</c>).
/// With a registry configured every client must log in, and publishes and subscriptions are
/// checked against its rights (<see cref="BrokerAccessControl"/>); without one it is anonymous.
/// </summary>
public sealed class EmbeddedBroker(
    IOptions<EmbeddedBrokerOptions> options,
    RegistryProvider registry,
    BrokerAccessControl accessControl,
    ILogger<EmbeddedBroker> logger) : IHostedService, IAsyncDisposable
{
    private MqttServer? _server;

    public bool IsRunning => _server?.IsStarted == true;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Enabled)
            return;
        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(o.BindAddress))
            .WithDefaultEndpointPort(o.Port)
            .WithPersistentSessions()
            .WithMaxPendingMessagesPerClient(o.MaxPendingMessagesPerClient)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions);
        _server.ClientConnectedAsync += e =>
        {
            logger.LogDebug("Broker: {ClientId} connected from {Endpoint}", e.ClientId, e.RemoteEndPoint);
            return Task.CompletedTask;
        };
        _server.ClientDisconnectedAsync += e =>
        {
            logger.LogDebug("Broker: {ClientId} disconnected ({Type})", e.ClientId, e.DisconnectType);
            return Task.CompletedTask;
        };
        if (registry.IsConfigured)
            accessControl.Attach(_server);
        await _server.StartAsync();
        logger.LogInformation("Embedded MQTT broker listening on {Address}:{Port} ({Access})", o.BindAddress, o.Port,
            registry.IsConfigured ? "registry accounts only" : "anonymous");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true })
        {
            await _server.StopAsync();
            logger.LogInformation("Embedded MQTT broker stopped");
        }
    }

    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        return ValueTask.CompletedTask;
    }
}
