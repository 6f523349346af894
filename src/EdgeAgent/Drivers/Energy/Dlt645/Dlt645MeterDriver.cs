using SmartPark.EdgeAgent.Drivers.Energy.Shared;

namespace SmartPark.EdgeAgent.Drivers.Energy.Dlt645;

/// <summary>
/// A DL/T 645 meter (CHINT DTSU666/DDSU666 as shipped, most Chinese utility meters; older ones
/// speak the 1997 edition): import active energy, total active power, phase A voltage and
/// current, one request each, with the identifiers and formats of the meter's
/// <see cref="Dlt645Protocol"/> (the <c>protocol</c> setting, <see cref="Dlt645Protocols"/>).
/// </summary>
public sealed class Dlt645MeterDriver(string sensorId, SharedBus<Dlt645Client> bus, string address, MeterCalibration calibration, Dlt645Protocol? protocol = null)
    : ISensorDriver, IDisposable
{
    public const string DriverName = "dlt645-meter";
    public const int DefaultBaud = 9600;
    public const string DefaultFormat = "8E1";

    private readonly Dlt645Protocol _protocol = protocol ?? Dlt645Protocols.Default;

    /// <summary>What every edition reads (Dlt645ProtocolTests checks they agree), so calibration settings do not depend on it.</summary>
    public static IReadOnlyList<string> QuantityNames { get; } = Dlt645Protocols.Default.Items.Select(i => i.Quantity).ToList();

    public string SensorId { get; } = sensorId;

    public IReadOnlyList<string> Quantities => QuantityNames;

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        var values = new List<SensorValue>(_protocol.Items.Count);
        foreach (var (quantity, dataId, bytes, decimals, signed) in _protocol.Items)
        {
            var data = bus.Run(client => client.Read(_protocol, address, dataId));
            if (data.Length < bytes)
                throw new Dlt645Exception($"DL/T 645 meter {address} sent {data.Length} bytes for {_protocol.Hex(dataId)}, expected {bytes}");
            var raw = Dlt645Frame.DecodeBcd(data.AsSpan(0, bytes), decimals, signed);
            values.Add(new SensorValue(quantity, calibration.Apply(quantity, raw)));
        }
        return values;
    }

    public void Dispose() => bus.Release();
}
