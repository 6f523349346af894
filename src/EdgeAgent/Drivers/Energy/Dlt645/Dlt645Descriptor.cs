using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Energy.Shared;
using SmartPark.EdgeAgent.Drivers.Serial;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.Energy.Dlt645;

public static class Dlt645Descriptor
{
    public static DriverDescriptor Descriptor { get; } = new()
    {
        Names = [Dlt645MeterDriver.DriverName],
        Part = "DL/T 645-2007 or -1997 meter (RS-485)",
        Kind = DriverKind.Direct,
        Quantities = DriverDescriptor.Fixed(Dlt645MeterDriver.QuantityNames),
        Settings = new SettingsSchema([
            .. CommonSettings.SerialLine(Dlt645MeterDriver.DefaultBaud, Dlt645MeterDriver.DefaultFormat),
            Setting.Text("address", Dlt645Frame.Wildcard, "the meter's 12-digit address (on its nameplate)", CheckAddress),
            Setting.Integer("timeoutMs", 1000, "how long to wait for a reply", 50, 30_000),
            Setting.OneOf(Dlt645Protocols.SettingKey, Dlt645Protocols.Default.Name, "the edition the meter speaks (older village meters: 1997)",
                [.. Dlt645Protocols.All.Select(p => p.Name)]),
            .. CommonSettings.MeterCalibration]),
        Open = (s, _) =>
        {
            var serial = SerialSettings.From(s, Dlt645MeterDriver.DefaultBaud, Dlt645MeterDriver.DefaultFormat);
            var timeout = TimeSpan.FromMilliseconds(s.GetInt("timeoutMs", 1000));
            return new Dlt645MeterDriver(s.Id,
                SharedBus<Dlt645Client>.Acquire(serial.Port, () => new Dlt645Client(SerialPortLine.Open(serial), timeout)),
                s.GetString("address", Dlt645Frame.Wildcard).ToUpperInvariant(), MeterCalibration.From(s, Dlt645MeterDriver.QuantityNames),
                Dlt645Protocols.Find(s.GetString(Dlt645Protocols.SettingKey, Dlt645Protocols.Default.Name)));
        },
    };

    private static string? CheckAddress(string address)
    {
        try
        {
            Dlt645Frame.EncodeAddress(address.ToUpperInvariant());
            return null;
        }
        catch (ArgumentException ex)
        {
            return "is not a meter address: " + ex.Message.Split(" (Parameter", StringSplitOptions.None)[0];
        }
    }
}
