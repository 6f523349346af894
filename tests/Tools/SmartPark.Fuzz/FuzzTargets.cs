using SmartPark.Fuzz.Targets;

namespace SmartPark.Fuzz;

/// <summary>Every parser that reads what a device or the network sends, by command-line name.</summary>
public static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new TelemetryTarget(),
        new StatusTarget(),
        new RegistryTarget(),
        new Hj212DecoderTarget(),
        new Hj212FrameReaderTarget(),
        new ModbusTarget(),
        new ModbusTcpTarget(),
        new Dlt645Target(),
        new UartSensorsTarget(),
    ];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}
