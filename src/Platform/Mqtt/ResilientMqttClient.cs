using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

using SmartPark.Platform.Mqtt.Transport;
using SmartPark.Platform.Resilience;

namespace SmartPark.Platform.Mqtt;

/// <summary>
/// An MQTTnet 5 client that keeps itself connected. MQTTnet 5 has no managed client
/// (dotnet/MQTTnet#2243); this follows its recommended timer pattern: one loop connects,
/// backs off on failure, and probes a quiet connection with a ping, so a half-open socket is
/// noticed. Reconnecting is never done from the Disconnected event (MQTTnet warns of deadlocks);
/// the event only wakes the loop. After every connect, <see cref="OnConnectedAsync"/> runs
/// (subscribe, publish birth) before the connection counts as up.
/// </summary>
public sealed class ResilientMqttClient : IAsyncDisposable
{
    private static readonly TimeSpan PingPeriod = TimeSpan.FromSeconds(5);

    private readonly MqttEndpointOptions _options;
    private readonly MqttWill? _will;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private TaskCompletionSource _connected = NewSignal();
    private TaskCompletionSource _disconnected = NewSignal();

    public ResilientMqttClient(MqttEndpointOptions options, ILogger logger, MqttWill? will = null)
    {
        if (string.IsNullOrWhiteSpace(options.ClientId))
            throw new ArgumentException("An MQTT client id is required.", nameof(options));
        _options = options;
        _will = will;
        _logger = logger;
        Client = new MqttClientFactory().CreateMqttClient();
        Client.DisconnectedAsync += OnDisconnectedAsync;
    }

    public IMqttClient Client { get; }

    /// <summary>True when connected and <see cref="OnConnectedAsync"/> has completed.</summary>
    public bool IsUp => Client.IsConnected && _connected.Task.IsCompletedSuccessfully;

    /// <summary>When the connection last came up or went down, for health reports.</summary>
    public DateTimeOffset? LastChange { get; private set; }

    public string? LastError { get; private set; }

    public long Connects { get; private set; }

    private long _epoch;

    /// <summary>
    /// Rises with every lost connection. A message must be acknowledged on the connection it came
    /// on: the broker resends an unacknowledged message on the next connection under the same
    /// packet id, and a late acknowledgement from the old one would free that id, so the next
    /// message given it could be acknowledged without ever having been stored. Receivers note the
    /// epoch when a message arrives and skip the acknowledgement if it has moved on.
    /// </summary>
    public long Epoch => Interlocked.Read(ref _epoch);

    /// <summary>Runs after each successful connect; an exception here drops the connection and retries.</summary>
    public Func<MqttClientConnectResult, CancellationToken, Task>? OnConnectedAsync { get; set; }

    public Task WaitUntilUpAsync(CancellationToken cancellationToken)
    {
        Task signal;
        lock (_gate)
            signal = _connected.Task;
        return signal.WaitAsync(cancellationToken);
    }

    /// <summary>Keeps the connection up until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new ExponentialBackoff(_options.MinReconnectDelay, _options.MaxReconnectDelay);
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!Client.IsConnected)
            {
                if (await TryConnectAsync(cancellationToken).ConfigureAwait(false))
                {
                    failures = 0;
                }
                else
                {
                    await DelayQuietly(backoff.Delay(++failures), cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            Task disconnected;
            lock (_gate)
                disconnected = _disconnected.Task;
            await Task.WhenAny(disconnected, Task.Delay(PingPeriod, cancellationToken)).ConfigureAwait(false);

            if (Client.IsConnected && !cancellationToken.IsCancellationRequested && !await Client.TryPingAsync(cancellationToken).ConfigureAwait(false))
            {
                _logger.LogWarning("MQTT ping to {Host}:{Port} failed; reconnecting", _options.Host, _options.Port);
                await DisconnectQuietlyAsync(MqttClientDisconnectOptionsReason.UnspecifiedError).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Publishes and waits for the broker's acknowledgement (QoS 1) or the send (QoS 0).</summary>
    public async Task<bool> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        var result = await Client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess)
            return true;
        _logger.LogWarning("Broker refused publish to {Topic}: {ReasonCode} {Reason}", message.Topic, result.ReasonCode, result.ReasonString);
        return false;
    }

    /// <summary>Drops the connection so the loop makes a fresh one (used when a connection looks alive but is deaf).</summary>
    public Task ReconnectAsync() => DisconnectQuietlyAsync(MqttClientDisconnectOptionsReason.UnspecifiedError);

    /// <summary>Clean disconnect: the broker does not publish the last will.</summary>
    public Task DisconnectAsync() => DisconnectQuietlyAsync(MqttClientDisconnectOptionsReason.NormalDisconnection);

    public async ValueTask DisposeAsync()
    {
        await DisconnectQuietlyAsync(MqttClientDisconnectOptionsReason.NormalDisconnection).ConfigureAwait(false);
        Client.DisconnectedAsync -= OnDisconnectedAsync;
        Client.Dispose();
    }

    private async Task<bool> TryConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds));
            var result = await Client.ConnectAsync(BuildOptions(), timeout.Token).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
                throw new InvalidOperationException($"broker refused the connection: {result.ResultCode} {result.ReasonString}");

            if (OnConnectedAsync is { } onConnected)
                await onConnected(result, cancellationToken).ConfigureAwait(false);

            lock (_gate)
            {
                _disconnected = NewSignal();
                _connected.TrySetResult();
            }
            Connects++;
            LastChange = DateTimeOffset.UtcNow;
            LastError = null;
            _logger.LogInformation("MQTT connected to {Host}:{Port} as {ClientId} (session present: {SessionPresent})",
                _options.Host, _options.Port, _options.ClientId, result.IsSessionPresent);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex)
        {
            LastError = ex.Message;
            _logger.LogWarning("MQTT connect to {Host}:{Port} as {ClientId} failed: {Error}", _options.Host, _options.Port, _options.ClientId, ex.Message);
            if (Client.IsConnected)
                await DisconnectQuietlyAsync(MqttClientDisconnectOptionsReason.UnspecifiedError).ConfigureAwait(false);
            return false;
        }
    }

    private MqttClientOptions BuildOptions()
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.Port)
            .WithStreamProvider(new BufferedTcpStreamProvider(_options.SocketBufferBytes))
            .WithSmartParkTls(_options.Host, _options.Tls)
            .WithClientId(_options.ClientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithCleanStart(_options.CleanStart)
            .WithSessionExpiryInterval(_options.SessionExpirySeconds)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(_options.KeepAliveSeconds))
            .WithTimeout(TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds));
        if (_options.ReceiveMaximum > 0)
            builder.WithReceiveMaximum(_options.ReceiveMaximum);
        if (_options.Username is not null)
            builder.WithCredentials(_options.Username, _options.Password ?? "");
        if (_will is not null)
        {
            builder.WithWillTopic(_will.Topic)
                .WithWillPayload(_will.Payload)
                .WithWillRetain(_will.Retain)
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        }
        return builder.Build();
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        lock (_gate)
        {
            if (_connected.Task.IsCompleted)
                _connected = NewSignal();
            _disconnected.TrySetResult();
        }
        Interlocked.Increment(ref _epoch);
        if (args.ClientWasConnected)
        {
            LastChange = DateTimeOffset.UtcNow;
            LastError = args.Exception?.Message ?? args.Reason.ToString();
            _logger.LogWarning("MQTT connection to {Host}:{Port} lost: {Reason}", _options.Host, _options.Port, LastError);
        }
        return Task.CompletedTask;
    }

    private async Task DisconnectQuietlyAsync(MqttClientDisconnectOptionsReason reason)
    {
        if (!Client.IsConnected)
            return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await Client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(reason).Build(), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or ObjectDisposedException)
        {
            _logger.LogDebug("MQTT disconnect did not complete cleanly: {Error}", ex.Message);
        }
    }

    private static async Task DelayQuietly(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
