using System.Collections.Concurrent;

namespace SmartPark.EdgeAgent.Drivers.Hardware;

/// <summary>
/// One lock per physical chip. Sensors that share a chip (four transmitters on one ADS1115) are
/// sampled by timers that may fire together; a conversion is a write-wait-read sequence that
/// must not interleave with another channel's.
/// </summary>
public static class BusLocks
{
    private static readonly ConcurrentDictionary<string, Lock> Locks = new(StringComparer.Ordinal);

    public static Lock ForI2c(int bus, int address) => Locks.GetOrAdd($"i2c-{bus}-{address}", _ => new Lock());
}
