using System.Buffers.Binary;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Mhz19b;
using SmartPark.EdgeAgent.Drivers.Pms5003;
using SmartPark.Fuzz.Inputs;

namespace SmartPark.Fuzz.Targets;

/// <summary>
/// The UART sensors' frames: Plantower PMS5003 (<see cref="PmsFrame"/>, <see cref="Pms5003Driver"/>)
/// and Winsen MH-Z19B (<see cref="Mhz19bFrame"/>, <see cref="Mhz19bDriver"/>). A frame built by the
/// data sheet decodes to the values it carries; anything else on the line (damaged frames, length
/// fields that lie, a sensor that never stops sending) fails with <see cref="InvalidDataException"/>
/// or <see cref="IOException"/> and the read ends.
/// </summary>
public sealed class UartSensorsTarget : FuzzTarget
{
    public override string Name => "uart-sensors";

    public override void CheckBytes(byte[] input) => CheckPmsParse(input);

    public override byte[] Sample(Random random) => PmsFrameBytes(Words(random))[2..];

    public override string Description => "PMS5003 particulate and MH-Z19B CO2 frames and drivers";

    public override IReadOnlyList<FuzzProperty> Properties { get; } =
    [
        FuzzProperty.Of("pms-frame-round-trip", Seeded.Gen((r, _) => Words(r)), Shrink.Nothing, CheckPmsRoundTrip, w => string.Join(",", w)),
        FuzzProperty.Of("pms-parse-only-invalid-data", Seeded.Gen((r, size) => Mutations.Apply(r, PmsFrameBytes(Words(r))[2..], 1 + (size / 25))), Shrink.Bytes, CheckPmsParse, Show.Bytes),
        FuzzProperty.Of("pms-driver-only-io-errors-and-ends", Seeded.Gen((r, _) => (r.Next(), r.Next(4) == 0)), Shrink.Nothing, CheckPmsDriver, x => $"seed {x.Item1} babble {x.Item2}"),
        FuzzProperty.Of("mhz19b-round-trip-and-only-invalid-data", Seeded.Gen((r, _) => (r.Next(0, 0x10000), r.Next())), Shrink.Nothing, CheckMhz19b, x => $"ppm {x.Item1} seed {x.Item2}"),
        FuzzProperty.Of("mhz19b-driver-only-io-errors-and-ends", Seeded.Gen((r, _) => (r.Next(), r.Next(4) == 0)), Shrink.Nothing, CheckMhz19bDriver, x => $"seed {x.Item1} babble {x.Item2}"),
    ];

    private static ushort[] Words(Random random) => Enumerable.Range(0, 13).Select(_ => (ushort)random.Next(0x10000)).ToArray();

    /// <summary>A PMS data frame by the data sheet: 42 4D, length 28, 13 words, sum of all bytes before.</summary>
    public static byte[] PmsFrameBytes(ushort[] words)
    {
        var frame = new byte[PmsFrame.FrameLength];
        frame[0] = PmsFrame.Start1;
        frame[1] = PmsFrame.Start2;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), PmsFrame.DataLength);
        for (var i = 0; i < 13; i++)
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4 + (2 * i)), words[i]);
        var sum = 0;
        foreach (var b in frame.AsSpan(0, 30))
            sum += b;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(30), (ushort)sum);
        return frame;
    }

    public static void CheckPmsRoundTrip(ushort[] words)
    {
        var frame = Expect.NeverThrows(() => PmsFrame.Parse(PmsFrameBytes(words).AsSpan(2)));
        Expect.That(frame == new PmsFrame(words[0], words[1], words[2], words[3], words[4], words[5]), $"decoded {frame}");
    }

    public static void CheckPmsParse(byte[] body) =>
        Expect.OnlyThrows(() => PmsFrame.Parse(body), typeof(InvalidDataException));

    public static void CheckPmsDriver((int Seed, bool Babble) line)
    {
        var random = new Random(line.Seed);
        var stream = new DeviceStream(request =>
        {
            // The mode change answers a short frame (or nothing); a read, damaged data frames.
            var frames = new List<byte>();
            for (var i = random.Next(0, 4); i > 0; i--)
                frames.AddRange(random.Next(3) == 0 ? Mutations.RandomBytes(random, random.Next(0, 80)) : Mutations.Apply(random, PmsFrameBytes(Words(random)), 3));
            if (random.Next(3) == 0)
                frames.AddRange([PmsFrame.Start1, PmsFrame.Start2, (byte)random.Next(256), (byte)random.Next(256)]); // a length that lies
            return [.. frames];
        }, line.Babble);
        Expect.OnlyThrows(() =>
        {
            using var driver = new Pms5003Driver(new SensorOptions { Id = "pm-1", Driver = "pms5003" }, stream);
            var values = driver.Read(TelemetryTarget.Now);
            Expect.That(values.All(v => double.IsFinite(v.Value) && v.Value >= 0), "a value that is not a finite non-negative number");
        }, typeof(InvalidDataException), typeof(IOException));
    }

    public static void CheckMhz19b((int Ppm, int Seed) reading)
    {
        var frame = new byte[] { Mhz19bFrame.Start, Mhz19bFrame.ReadCo2, (byte)(reading.Ppm >> 8), (byte)reading.Ppm, 0, 0, 0, 0, 0 };
        frame[8] = Mhz19bFrame.Checksum(frame);
        var ppm = Expect.NeverThrows(() => Mhz19bFrame.ParseCo2(frame));
        Expect.That(ppm == reading.Ppm, $"decoded {ppm} ppm");
        Expect.OnlyThrows(() => Mhz19bFrame.ParseCo2(Mutations.Apply(new Random(reading.Seed), frame, 3)), typeof(InvalidDataException));
    }

    public static void CheckMhz19bDriver((int Seed, bool Babble) line)
    {
        var random = new Random(line.Seed);
        var stream = new DeviceStream(request =>
        {
            if (request.Length > 2 && request[2] != Mhz19bFrame.ReadCo2)
                return [];
            var frame = new byte[] { Mhz19bFrame.Start, Mhz19bFrame.ReadCo2, (byte)random.Next(256), (byte)random.Next(256), 0, 0, 0, 0, 0 };
            frame[8] = Mhz19bFrame.Checksum(frame);
            return random.Next(3) == 0 ? Mutations.RandomBytes(random, random.Next(0, 80)) : Mutations.Apply(random, frame, 3);
        }, line.Babble);
        Expect.OnlyThrows(() =>
        {
            using var driver = new Mhz19bDriver(new SensorOptions { Id = "co2-1", Driver = "mhz19b" }, stream);
            var values = driver.Read(TelemetryTarget.Now);
            Expect.That(values.All(v => double.IsFinite(v.Value) && v.Value >= 0), "a value that is not a finite non-negative number");
        }, typeof(InvalidDataException), typeof(IOException));
    }
}
