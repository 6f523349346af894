using System.Reflection;
using System.Text;
using System.Text.Json;
using SmartPark.Contracts;
using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;
using SmartPark.Contracts.Validation;
using SmartPark.Fuzz.Inputs;

namespace SmartPark.Fuzz.Targets;

/// <summary>
/// <see cref="TelemetryValidator"/> with the source-generated JSON of the batch: documented never
/// to throw; a rejection always carries a known code and a message; a valid batch is accepted
/// and comes back as it was sent.
/// </summary>
public sealed class TelemetryTarget : FuzzTarget
{
    public static readonly DeviceAddress Topic = new("park-1", "ent-1", "dev-1");

    /// <summary>A fixed clock, so a replayed input is judged the same way.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly HashSet<string> Codes = typeof(RejectionCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToHashSet(StringComparer.Ordinal);

    public override string Name => "telemetry";

    public override void CheckBytes(byte[] input) => CheckAnyPayload(input);

    public override byte[] Sample(Random random) => JsonSerializer.SerializeToUtf8Bytes(ValidBatch(random, 3), ContractsJsonContext.Default.TelemetryBatch);

    public override string Description => "telemetry batch JSON (source-generated) and its validator";

    public override IReadOnlyList<FuzzProperty> Properties { get; } =
    [
        FuzzProperty.Of("never-throws-and-names-a-reason", Seeded.Gen(Payload), Shrink.Bytes, CheckAnyPayload, Show.Bytes),
        FuzzProperty.Of("valid-batch-accepted-unchanged", Seeded.Gen((r, size) => ValidBatch(r, size)), Shrink.Nothing, CheckValidBatch,
            b => JsonSerializer.Serialize(b, ContractsJsonContext.Default.TelemetryBatch)),
    ];

    public static TelemetryBatch ValidBatch(Random random, int size)
    {
        var readings = new List<Reading>();
        for (var i = random.Next(1, 2 + size); i > 0; i--)
        {
            var quantity = Seeded.Pick(random, QuantityCatalogue.Measured); // the derived ones are refused by design
            var value = quantity.IsBoolean ? random.Next(2)
                : random.Next(4) == 0 ? quantity.Minimum
                : quantity.Minimum + ((quantity.Maximum - quantity.Minimum) * random.NextDouble());
            readings.Add(new Reading
            {
                Sensor = Seeded.Text(random, "abcdefghijklmnopqrstuvwxyz0123456789", 1, 1) + Seeded.Text(random, "abcdefghijklmnopqrstuvwxyz0123456789-", 0, 63),
                Quantity = quantity.Name,
                Value = value,
                Unit = quantity.Unit,
                Ts = Now - TimeSpan.FromSeconds(random.Next(0, 80 * 86_400)) + TimeSpan.FromMilliseconds(random.Next(0, 1000)),
                Flag = Seeded.Pick(random, DataFlag.All),
            });
        }
        return new TelemetryBatch
        {
            Schema = TelemetryBatch.CurrentSchema,
            Device = Topic.Device,
            Seq = random.NextInt64(0, long.MaxValue),
            SentAt = Now,
            Readings = readings,
        };
    }

    /// <summary>A valid batch's JSON, then damaged: as JSON (members dropped, values of the wrong kind, deep nesting) or as bytes.</summary>
    private static byte[] Payload(Random random, int size)
    {
        var json = JsonSerializer.SerializeToNode(ValidBatch(random, Math.Min(size, 20)), ContractsJsonContext.Default.TelemetryBatch)!;
        for (var i = random.Next(0, 4); i > 0; i--)
            json = JsonMutations.Once(random, json);
        var bytes = Encoding.UTF8.GetBytes(json.ToJsonString());
        return random.Next(3) == 0 ? Mutations.Apply(random, bytes, 1 + (size / 25)) : bytes;
    }

    public static void CheckAnyPayload(byte[] payload)
    {
        var result = Expect.NeverThrows(() => TelemetryValidator.Validate(payload, Topic, Now));
        Expect.That(result.IsValid != (result.Errors.Count > 0), $"valid is {result.IsValid} with {result.Errors.Count} errors");
        foreach (var error in result.Errors)
        {
            Expect.That(Codes.Contains(error.Code), $"unknown rejection code '{error.Code}'");
            Expect.That(!string.IsNullOrWhiteSpace(error.Message), $"rejection {error.Code} without a message");
        }
        if (result.IsValid)
        {
            // What Ingest stores it reads through these members: each must be there.
            Expect.That(result.Batch.Readings is { Count: > 0 } r && r.All(x => x.Sensor is not null && x.Value is not null && x.Ts is not null && x.Flag is not null),
                "an accepted batch with a reading that lacks a member");
        }
    }

    public static void CheckValidBatch(TelemetryBatch batch)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(batch, ContractsJsonContext.Default.TelemetryBatch);
        var result = Expect.NeverThrows(() => TelemetryValidator.Validate(payload, Topic, Now));
        Expect.That(result.IsValid, $"a valid batch was rejected: {result.Summary}");
        var again = JsonSerializer.SerializeToUtf8Bytes(result.Batch, ContractsJsonContext.Default.TelemetryBatch);
        Expect.That(again.AsSpan().SequenceEqual(payload), $"accepted batch differs from the one sent: {Encoding.UTF8.GetString(again)}");
    }
}
