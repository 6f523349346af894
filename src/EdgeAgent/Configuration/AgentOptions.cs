using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using SmartPark.Contracts.Topics;
using SmartPark.Platform.Mqtt;

namespace SmartPark.EdgeAgent.Configuration;

/// <summary>The agent's configuration file, section <c>Agent</c> (see agent.sample.json).</summary>
public sealed class AgentOptions
{
    public const string Section = "Agent";

    public string Park { get; set; } = "";
    public string Enterprise { get; set; } = "";
    public string Device { get; set; } = "";

    /// <summary>The SQLite outbox file; it must live on storage that survives power loss.</summary>
    public string OutboxPath { get; set; } = "outbox.db";

    /// <summary>
    /// The most readings the outbox keeps, in MB of readings JSON (about 100 bytes a reading).
    /// Beyond it the oldest are dropped, counted, and reported in the device status.
    /// </summary>
    public double OutboxMaxMegabytes { get; set; } = 200;

    [JsonIgnore]
    public long OutboxMaxBytes => (long)(OutboxMaxMegabytes * 1024 * 1024);

    [ValidateObjectMembers]
    public MqttEndpointOptions Broker { get; set; } = new();

    /// <summary>How many batches may await the broker's acknowledgement at once.</summary>
    public int PublishWindow { get; set; } = 16;

    public List<SensorOptions> Sensors { get; set; } = [];

    /// <summary>The device's own buzzer/relay fire alarm; optional (see hardware/wiring/).</summary>
    public FireAlarmOptions? FireAlarm { get; set; }

    [JsonIgnore]
    public DeviceAddress Address => new(Park, Enterprise, Device);

    /// <summary>Every problem with the file, so an installer fixes them in one go.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Address.IsValid)
            problems.Add($"Agent park/enterprise/device '{Address}' must each match {Ids.Pattern}");
        if (Sensors.Count == 0)
            problems.Add("Agent:Sensors lists no sensors");
        if (PublishWindow is < 1 or > 1000)
            problems.Add("Agent:PublishWindow must be 1..1000");
        if (!(OutboxMaxMegabytes >= 0.01))
            problems.Add($"Agent:OutboxMaxMegabytes {OutboxMaxMegabytes} must be at least 0.01");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Sensors.Count; i++)
        {
            var s = Sensors[i];
            if (!Ids.IsValid(s.Id))
                problems.Add($"Agent:Sensors:{i}:Id '{s.Id}' must match {Ids.Pattern}");
            else if (!ids.Add(s.Id))
                problems.Add($"Agent:Sensors:{i}:Id '{s.Id}' is listed twice");
            if (string.IsNullOrWhiteSpace(s.Driver))
                problems.Add($"Agent:Sensors:{i}:Driver is missing");
            if (s.IntervalMs < 100)
                problems.Add($"Agent:Sensors:{i}:IntervalMs {s.IntervalMs} is below 100");
        }
        if (FireAlarm is not null)
            problems.AddRange(FireAlarm.Validate(Sensors));
        return problems;
    }
}
