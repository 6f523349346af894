using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using SmartPark.Contracts.Registry;
using SmartPark.Ingest.Consumer;
using SmartPark.Platform.Diagnostics;
using SmartPark.Platform.Registry;

namespace SmartPark.Ingest.Broker;

/// <summary>
/// The embedded broker's authentication and authorisation against the registry in force (read
/// at every decision, so a reload applies to the next connect, publish or subscribe).
/// <list type="bullet">
/// <item>Connect: username and password must match a device or service account. A device must
/// use its id as client id, a service a client id of its role (<see cref="ServiceClientIds"/>),
/// so no client can take over (and inherit the subscriptions and queue of) another account's
/// persistent session.</item>
/// <item>Publish (<see cref="PublishPolicy"/>): a device only its own telemetry and status, a
/// retained message only on its status, and a status body only of the status contract. Refused
/// with PUBACK reason <c>NotAuthorized</c> (or <c>PayloadFormatInvalid</c> for a bad status; MQTT 5) and the connection
/// kept. Dropping it would make an agent reconnect and resend the same batch in a tight loop;
/// with the reason code its outbox keeps the batch and its log says why. MQTT 3.1.1 has no PUBACK
/// reason codes: such a client gets a plain PUBACK and the message is dropped, as Mosquitto does.
/// A device's refused publish is also dead-lettered (<c>not_authorized</c>) on the device's own
/// dead-letter topic, as docs/architecture.md ("Non-negotiables") asks for "wrong topic for the device's credentials".</item>
/// <item>Subscribe: granted only when the filter cannot match anything the account may not read.</item>
/// </list>
/// </summary>
public sealed class BrokerAccessControl(
    RegistryProvider registry,
    CredentialCache credentials,
    IngestMetrics metrics,
    TimeProvider time,
    ILogger<BrokerAccessControl> logger)
{
    /// <summary>The sender of what the broker itself publishes (dead letters); no client has an empty username here.</summary>
    private const string BrokerSender = "$smartpark-broker";

    private MqttServer? _server;

    // The username each client id last logged in with. MQTTnet hands subscription checks the
    // username of the session, which for a resumed session is that of whoever created it.
    private readonly ConcurrentDictionary<string, string> _usernames = new(StringComparer.Ordinal);

    // An owner who knows the device's password can repeat a refused publish at line rate: one
    // warning a minute per account and reason (every refusal is still counted and dead-lettered).
    private readonly LogThrottle _refusalLog = new(time, TimeSpan.FromMinutes(1));

    public void Attach(MqttServer server)
    {
        _server = server;
        server.ValidatingConnectionAsync += ValidateConnectionAsync;
        server.InterceptingPublishAsync += InterceptPublishAsync;
        server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        server.ClientDisconnectedAsync += ForgetAsync;
    }

    /// <summary>Only if the entry is still this connection's: a takeover may already have replaced it.</summary>
    private Task ForgetAsync(ClientDisconnectedEventArgs e)
    {
        if (e.UserName is { } username)
            _usernames.TryRemove(new KeyValuePair<string, string>(e.ClientId, username));
        return Task.CompletedTask;
    }

    public Task ValidateConnectionAsync(ValidatingConnectionEventArgs e)
    {
        var (code, reason) = Authenticate(e.UserName, e.Password, e.ClientId, e.ChannelAdapter?.ClientCertificate);
        if (code == MqttConnectReasonCode.Success)
        {
            _usernames[e.ClientId] = e.UserName;
            return Task.CompletedTask;
        }
        e.ReasonCode = code;
        metrics.ConnectionsRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
        if (_refusalLog.ShouldLog($"connect\n{e.UserName}\n{reason}", out var heldBack))
        {
            logger.LogWarning("Broker refused connection of client {ClientId} as {Username} from {Endpoint}: {Reason} ({HeldBack} more like it since the last such warning went unlogged)",
                e.ClientId, e.UserName, e.RemoteEndPoint, reason, heldBack);
        }
        return Task.CompletedTask;
    }

    public Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        var message = e.ApplicationMessage;
        var topic = message.Topic;
        if (e.ClientId == BrokerSender && string.IsNullOrEmpty(e.UserName))
            return Task.CompletedTask;
        // A last will is published by the broker on the client's behalf, possibly without the
        // session's username: it is judged as the account that logged in with this client id.
        var username = string.IsNullOrEmpty(e.UserName) ? _usernames.GetValueOrDefault(e.ClientId) : e.UserName;
        var principal = Resolve(username);
        if (PublishPolicy.Check(principal, topic, message.Retain, message.Payload.IsSingleSegment ? message.Payload.FirstSpan : message.Payload.ToArray()) is not { } refusal)
            return Task.CompletedTask;
        e.ProcessPublish = false;
        e.Response.ReasonCode = refusal.Code;
        e.Response.ReasonString = refusal.Errors[0].Message;
        metrics.PublishesRejected.Add(1, new KeyValuePair<string, object?>("reason", refusal.Reason));
        if (_refusalLog.ShouldLog($"{username}\n{refusal.Reason}", out var heldBack))
        {
            logger.LogWarning("Broker refused publish by {Username} (client {ClientId}) to {Topic} (retain {Retain}): {Reason}: {Errors} ({HeldBack} more like it since the last such warning went unlogged)",
                username, e.ClientId, topic, message.Retain, refusal.Reason, string.Join("; ", refusal.Errors), heldBack);
        }
        if (principal is DevicePrincipal device)
        {
            // Not awaited: the publisher's PUBACK should not wait on our own publish.
            _ = PublishDeadLetterAsync(DeadLetters.Build(topic, message.Payload.ToArray(), refusal.Errors, time.GetUtcNow(), device.Address));
        }
        return Task.CompletedTask;
    }

    private async Task PublishDeadLetterAsync(MqttApplicationMessage letter)
    {
        try
        {
            await _server!.InjectApplicationMessage(new InjectedMqttApplicationMessage(letter) { SenderClientId = BrokerSender });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning("Dead letter for a refused publish not published: {Error}", ex.Message);
        }
    }

    public Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        var username = _usernames.GetValueOrDefault(e.ClientId) ?? e.UserName;
        var filter = e.TopicFilter.Topic;
        if (Resolve(username) is { } principal && TopicAcl.MaySubscribe(principal, filter))
            return Task.CompletedTask;
        e.ProcessSubscription = false;
        e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        e.ReasonString = $"{username} may not subscribe to {filter}";
        metrics.SubscriptionsRejected.Add(1);
        if (_refusalLog.ShouldLog($"subscribe\n{username}", out var heldBack))
        {
            logger.LogWarning("Broker refused subscription by {Username} (client {ClientId}) to {Filter}: not authorised ({HeldBack} more like it since the last such warning went unlogged)",
                username, e.ClientId, filter, heldBack);
        }
        return Task.CompletedTask;
    }

    private (MqttConnectReasonCode Code, string Reason) Authenticate(string? username, string password, string clientId, X509Certificate2? certificate)
    {
        if (registry.Current is not { } current)
            return (MqttConnectReasonCode.ServerUnavailable, "no registry loaded");
        if (string.IsNullOrEmpty(username))
            return (MqttConnectReasonCode.BadUserNameOrPassword, "no username");
        if (!current.TryGetAccount(username, out var principal, out var credential))
            return (MqttConnectReasonCode.BadUserNameOrPassword, "unknown user");
        if (!credentials.Verify(username, password, credential))
            return (MqttConnectReasonCode.BadUserNameOrPassword, "wrong password");
        // A client certificate (TLS with client certificates) must be the account's own.
        if (certificate is not null && !ClientCertificateIdentity.IsIssuedTo(certificate, username))
            return (MqttConnectReasonCode.BadUserNameOrPassword, "client certificate issued to another name");
        if (principal is DevicePrincipal && !string.Equals(clientId, username, StringComparison.Ordinal))
            return (MqttConnectReasonCode.ClientIdentifierNotValid, "a device must use its id as client id");
        if (principal is ServicePrincipal service && !ServiceClientIds.Allows(service.Role, clientId))
            return (MqttConnectReasonCode.ClientIdentifierNotValid, $"a {service.Role} service must use client id {ServiceClientIds.Describe(service.Role)}");
        return (MqttConnectReasonCode.Success, "");
    }

    private Principal? Resolve(string? username) =>
        registry.Current is { } current && current.TryGetAccount(username, out var principal, out _) ? principal : null;
}
