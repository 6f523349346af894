namespace SmartPark.EdgeAgent.Drivers.Simulated;

/// <summary>Deterministic noise: the same seed gives the same sequence, so simulations repeat.</summary>
public sealed class SeededNoise(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>A stable seed from a base seed and the names that identify a sensor.</summary>
    public static int SeedFor(int baseSeed, params ReadOnlySpan<string> names)
    {
        // FNV-1a: string.GetHashCode is randomised per process and would break repeatability.
        var hash = 2166136261u ^ (uint)baseSeed;
        foreach (var name in names)
        {
            foreach (var c in name)
            {
                hash ^= c;
                hash *= 16777619;
            }
            hash ^= '/';
            hash *= 16777619;
        }
        return (int)(hash & 0x7FFFFFFF);
    }

    public double Uniform() => _random.NextDouble();

    public double Uniform(double min, double max) => min + ((max - min) * _random.NextDouble());

    /// <summary>Standard normal by Box–Muller.</summary>
    public double Gaussian(double mean = 0, double stdDev = 1)
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return mean + (stdDev * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }

    public bool Chance(double probability) => _random.NextDouble() < probability;
}
