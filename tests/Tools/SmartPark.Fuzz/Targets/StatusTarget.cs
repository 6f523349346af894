using System.Text;
using System.Text.Json;
using SmartPark.Contracts;
using SmartPark.Contracts.Status;
using SmartPark.Fuzz.Inputs;

namespace SmartPark.Fuzz.Targets;

/// <summary>
/// The retained <c>status</c> document (source-generated JSON of <see cref="DeviceStatus"/>) and
/// its one check, <see cref="DeviceStatusValidator"/>, which the embedded broker and the Dashboard
/// apply: anything a device sends either parses or fails with <see cref="JsonException"/>; the
/// validator never throws and names a reason for every refusal; what an agent writes reads back
/// the same and passes.
/// </summary>
public sealed class StatusTarget : FuzzTarget
{
    public override string Name => "status";

    private static readonly SmartPark.Contracts.Topics.DeviceAddress Topic = new("p1", "e1", "d1");

    public override void CheckBytes(byte[] input)
    {
        CheckAnyPayload(input);
        CheckValidator(input);
    }

    public override byte[] Sample(Random random) => JsonSerializer.SerializeToUtf8Bytes(ValidStatus(random), ContractsJsonContext.Default.DeviceStatus);

    public override string Description => "device status document JSON (source-generated)";

    public override IReadOnlyList<FuzzProperty> Properties { get; } =
    [
        FuzzProperty.Of("only-json-exceptions", Seeded.Gen(Payload), Shrink.Bytes, CheckAnyPayload, Show.Bytes),
        FuzzProperty.Of("validator-never-throws-and-names-reasons", Seeded.Gen(Payload), Shrink.Bytes, CheckValidator, Show.Bytes),
        FuzzProperty.Of("agent-status-passes-the-validator", Seeded.Gen((r, _) => ValidStatus(r) with { Device = Topic.Device }), Shrink.Nothing, CheckAccepted,
            s => JsonSerializer.Serialize(s, ContractsJsonContext.Default.DeviceStatus)),
        FuzzProperty.Of("write-read-round-trip", Seeded.Gen((r, _) => ValidStatus(r)), Shrink.Nothing, CheckRoundTrip,
            s => JsonSerializer.Serialize(s, ContractsJsonContext.Default.DeviceStatus)),
    ];

    public static DeviceStatus ValidStatus(Random random) => new()
    {
        State = random.Next(2) == 0 ? DeviceStatus.Online : DeviceStatus.Offline,
        Device = random.Next(4) == 0 ? null : Seeded.Text(random, "abcdefghij0123456789-", 1, 20),
        At = random.Next(4) == 0 ? null : TelemetryTarget.Now.AddSeconds(-random.Next(0, 1_000_000)),
        Reason = random.Next(2) == 0 ? null : Seeded.Text(random, "abc <>&\"'石门\\/\u2028", 0, 40),
        AgentVersion = random.Next(3) == 0 ? null : "1.2." + random.Next(100),
        ReadingsDropped = random.Next(3) == 0 ? null : random.NextInt64(0, long.MaxValue),
        Sensors = random.Next(3) == 0 ? null : Enumerable.Range(0, random.Next(0, 5))
            .Select(i => new SensorDescription($"s{i}", ["nmhc", "co2"], random.Next(100, 60_000), random.Next(3) == 0 ? "D" : null, random.Next(3) == 0 ? "no such device" : null))
            .ToList(),
    };

    private static byte[] Payload(Random random, int size)
    {
        var json = JsonSerializer.SerializeToNode(ValidStatus(random), ContractsJsonContext.Default.DeviceStatus)!;
        for (var i = random.Next(0, 4); i > 0; i--)
            json = JsonMutations.Once(random, json);
        var bytes = Encoding.UTF8.GetBytes(json.ToJsonString());
        return random.Next(3) == 0 ? Mutations.Apply(random, bytes, 1 + (size / 25)) : bytes;
    }

    public static void CheckAnyPayload(byte[] payload) =>
        Expect.OnlyThrows(() => JsonSerializer.Deserialize(payload, ContractsJsonContext.Default.DeviceStatus), typeof(JsonException));

    public static void CheckValidator(byte[] payload)
    {
        var errors = Expect.NeverThrows(() => DeviceStatusValidator.Validate(payload, Topic));
        Expect.That(errors.All(e => !string.IsNullOrEmpty(e.Code) && !string.IsNullOrEmpty(e.Message)), "a refusal without a code or a reason");
    }

    public static void CheckAccepted(DeviceStatus status)
    {
        var errors = DeviceStatusValidator.Validate(JsonSerializer.SerializeToUtf8Bytes(status, ContractsJsonContext.Default.DeviceStatus), Topic);
        Expect.That(errors.Count == 0, string.Join("; ", errors.Select(e => e.Message)));
    }

    public static void CheckRoundTrip(DeviceStatus status)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(status, ContractsJsonContext.Default.DeviceStatus);
        var read = Expect.NeverThrows(() => JsonSerializer.Deserialize(bytes, ContractsJsonContext.Default.DeviceStatus));
        var again = JsonSerializer.SerializeToUtf8Bytes(read, ContractsJsonContext.Default.DeviceStatus);
        Expect.That(again.AsSpan().SequenceEqual(bytes), $"read back as {Encoding.UTF8.GetString(again)}");
    }
}
