namespace SmartPark.EdgeAgent.Drivers.Hardware;

/// <summary>
/// Which supported sensors answer at an I2C address, with the driver that reads them: what a bus
/// scan (<c>edgeagent probe</c>) prints next to each address that answers. Addresses are the
/// parts' fixed or strap-selectable ones.
/// </summary>
public static class I2cAddressBook
{
    private static readonly Dictionary<int, string[]> Known = new()
    {
        [0x48] = ["ADS1115 (ADDR→GND): ads1115-transmitter, mq-gas"],
        [0x49] = ["ADS1115 (ADDR→VDD): ads1115-transmitter, mq-gas"],
        [0x4A] = ["ADS1115 (ADDR→SDA): ads1115-transmitter, mq-gas"],
        [0x4B] = ["ADS1115 (ADDR→SCL): ads1115-transmitter, mq-gas"],
        [0x5A] = ["MLX90614: mlx90614", "CCS811 (ADDR low): ccs811"],
        [0x5B] = ["CCS811 (ADDR high): ccs811"],
        [0x62] = ["SCD40/SCD41: scd4x"],
        [0x76] = ["BME680 (SDO→GND): bme680"],
        [0x77] = ["BME680 (SDO→VDD): bme680"],
    };

    /// <summary>The candidates at <paramref name="address"/>; empty when none of ours lives there.</summary>
    public static IReadOnlyList<string> At(int address) => Known.TryGetValue(address, out var names) ? names : [];

    public static IEnumerable<int> Addresses => Known.Keys.Order();
}
