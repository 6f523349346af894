using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartPark.Contracts;
using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Alerts.Rules;
using SmartPark.Platform.Mqtt;
using SmartPark.Platform.Registry;

namespace SmartPark.Ingest.Alerts;

/// <summary>
/// Keeps each park's <see cref="ParkRules"/> retained on MQTT: for every park in the registry
/// and every park that has sent telemetry, once per connection (the broker may have lost its
/// retained messages) and again when the registry changes. Called from the alert engine's loop,
/// on its connection, so it needs no lock and no connection of its own.
/// </summary>
public sealed class ParkRulesPublisher(RuleBook rules, RegistryProvider registry, TimeProvider time, ILogger<ParkRulesPublisher> logger)
{
    private readonly HashSet<string> _known = [];
    private readonly HashSet<string> _published = [];
    private long _registryVersion = -1;

    /// <summary>A park sent telemetry: make sure its rules are out.</summary>
    public void Saw(string park) => _known.Add(park);

    /// <summary>After a (re)connect: publish every park's rules again.</summary>
    public void RepublishAll() => _published.Clear();

    public async Task PublishDueAsync(ResilientMqttClient mqtt, CancellationToken cancellationToken)
    {
        if (registry.Version != _registryVersion && registry.Current is { } current)
        {
            _registryVersion = registry.Version;
            foreach (var park in current.Parks)
                _known.Add(park.Id);
            _published.Clear(); // a new registry may move a park to another region
        }
        foreach (var park in _known)
        {
            if (_published.Contains(park))
                continue;
            var document = Build(park);
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(SmartParkTopics.Rules(park))
                .WithPayload(JsonSerializer.SerializeToUtf8Bytes(document, ContractsJsonContext.Default.ParkRules))
                .WithContentType("application/json")
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainFlag()
                .Build();
            try
            {
                var result = await mqtt.Client.PublishAsync(message, cancellationToken);
                if (!result.IsSuccess)
                {
                    logger.LogWarning("Broker refused the rules of park {Park}: {Reason}", park, result.ReasonCode);
                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                logger.LogDebug("Rules of park {Park} not published yet: {Error}", park, ex.Message);
                return;
            }
            _published.Add(park);
            logger.LogInformation("Published {Count} alert rules in force in park {Park} ({Region})", document.Rules.Count, park, document.Region);
        }
    }

    public ParkRules Build(string park) => new()
    {
        Park = park,
        Region = rules.RegionOf(park),
        PublishedAt = time.GetUtcNow(),
        Rules = [.. rules.InPark(park).Select(ToLimit)],
        Kinds = RuleKinds.Described,
    };

    private static RuleLimit ToLimit(AlertRule r) => new()
    {
        RuleId = r.Id,
        Title = r.Title,
        Kind = r.Kind,
        Severity = r.Severity,
        Bureau = r.Bureau,
        Safety = r.Safety,
        Enterprise = r.Enterprise,
        Device = r.Device,
        Sensors = r.Sensors,
        ExceptSensors = r.ExceptSensors,
        Quantity = r.Quantity,
        Unit = r.Quantity is { } q && QuantityCatalogue.TryGet(q, out var quantity) ? quantity.Unit : null,
        Limit = r.Limit,
        ClearAt = r.ClearAt,
        Averaging = r.Averaging,
        Source = r.Source,
    };
}
