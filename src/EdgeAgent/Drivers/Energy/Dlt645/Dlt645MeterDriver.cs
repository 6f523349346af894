using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Drivers.Energy.Shared;

namespace SmartPark.EdgeAgent.Drivers.Energy.Dlt645;

/// <summary>
/// A DL/T 645-2007 meter (CHINT DTSU666/DDSU666 as shipped, most Chinese utility meters): import
/// active energy, total active power, phase A voltage and current, one request each.
/// </summary>
public sealed class Dlt645MeterDriver(string sensorId, SharedBus<Dlt645Client> bus, string address, MeterCalibration calibration)
    : ISensorDriver, IDisposable
{
    public const string DriverName = "dlt645-meter";
    public const int DefaultBaud = 9600;
    public const string DefaultFormat = "8E1";

    /// <summary>What is read: data identifier, value bytes, implied decimals, signed.</summary>
    private static readonly (string Quantity, uint DataId, int Bytes, int Decimals, bool Signed)[] Items =
    [
        (QuantityCatalogue.Energy.Name, 0x00010000, 4, 2, false),   // forward active total, XXXXXX.XX kWh
        (QuantityCatalogue.Power.Name, 0x02030000, 3, 4, true),     // total active power, XX.XXXX kW
        (QuantityCatalogue.Voltage.Name, 0x02010100, 2, 1, false),  // phase A, XXX.X V
        (QuantityCatalogue.Current.Name, 0x02020100, 3, 3, true),   // phase A, XXX.XXX A
    ];

    public static IReadOnlyList<string> QuantityNames { get; } = Items.Select(i => i.Quantity).ToList();

    public string SensorId { get; } = sensorId;

    public IReadOnlyList<string> Quantities => QuantityNames;

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        var values = new List<SensorValue>(Items.Length);
        foreach (var (quantity, dataId, bytes, decimals, signed) in Items)
        {
            var data = bus.Run(client => client.Read(address, dataId));
            if (data.Length < bytes)
                throw new Dlt645Exception($"DL/T 645 meter {address} sent {data.Length} bytes for {Dlt645Frame.Hex(dataId)}, expected {bytes}");
            var raw = Dlt645Frame.DecodeBcd(data.AsSpan(0, bytes), decimals, signed);
            values.Add(new SensorValue(quantity, calibration.Apply(quantity, raw)));
        }
        return values;
    }

    public void Dispose() => bus.Release();
}
