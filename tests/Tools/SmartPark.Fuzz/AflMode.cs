using SharpFuzz;

namespace SmartPark.Fuzz;

/// <summary>
/// Coverage-guided fuzzing with AFL++ through SharpFuzz: the process is started by afl-fuzz, reads
/// each input AFL hands it and runs the target's raw-bytes check on it. The parsers' assemblies
/// must have been instrumented by the sharpfuzz tool (the smartpark script does it on a copy).
/// A property violation or any undocumented exception escapes and AFL records the input as a crash.
/// </summary>
public static class AflMode
{
    public static void Run(FuzzTarget target) =>
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            target.CheckBytes(memory.ToArray());
        });

    /// <summary>Writes <paramref name="count"/> valid inputs into <paramref name="directory"/>: AFL's seed corpus.</summary>
    public static void WriteCorpus(FuzzTarget target, string directory, int count)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(212);
        for (var i = 0; i < count; i++)
            File.WriteAllBytes(Path.Combine(directory, $"seed-{i:D3}"), target.Sample(random));
    }
}
