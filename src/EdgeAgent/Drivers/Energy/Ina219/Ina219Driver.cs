using System.Device.I2c;
using Iot.Device.Adc;
using SmartPark.Contracts.Quantities;

namespace SmartPark.EdgeAgent.Drivers.Energy.Ina219;

/// <summary>
/// A DC circuit through a TI INA219 high-side monitor (Iot.Device.Bindings): bus voltage,
/// current and power. The calibration register is derived from the shunt and the largest
/// expected current (datasheet §8.5.1): Current_LSB = Imax / 32768,
/// Cal = trunc(0.04096 / (Current_LSB × Rshunt)).
/// </summary>
public sealed class Ina219Driver : ISensorDriver, IDisposable
{
    public const string DriverName = "ina219";
    public const int DefaultAddress = 0x40;

    private readonly Iot.Device.Adc.Ina219 _ina;
    private readonly I2cDevice _device;
    private readonly MeterCalibration _calibration;
    private readonly double _currentLsb;

    public Ina219Driver(string sensorId, I2cDevice device, double shuntOhms, double maxCurrentA, MeterCalibration calibration)
    {
        SensorId = sensorId;
        _device = device;
        _calibration = calibration;
        var (register, currentLsb) = CalibrationFor(shuntOhms, maxCurrentA);
        _currentLsb = currentLsb;
        _ina = new Iot.Device.Adc.Ina219(device);
        _ina.Reset();
        _ina.BusVoltageRange = Ina219BusVoltageRange.Range32v;
        _ina.PgaSensitivity = Ina219PgaSensitivity.PlusOrMinus320mv;
        _ina.SetCalibration(register, (float)currentLsb);
    }

    public static IReadOnlyList<string> QuantityNames { get; } =
        [QuantityCatalogue.Voltage.Name, QuantityCatalogue.Current.Name, QuantityCatalogue.Power.Name];

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities => QuantityNames;

    /// <summary>The calibration register and the amperes one count of the current register is worth.</summary>
    public static (ushort Register, double CurrentLsb) CalibrationFor(double shuntOhms, double maxCurrentA)
    {
        var currentLsb = maxCurrentA / 32768;
        var register = Math.Truncate(0.04096 / (currentLsb * shuntOhms));
        if (register is < 1 or > 0xFFFE)
            throw new ArgumentOutOfRangeException(nameof(shuntOhms), $"shunt {shuntOhms} Ω with {maxCurrentA} A gives calibration {register}, outside the INA219's 16-bit register");
        return ((ushort)register, currentLsb);
    }

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        var volts = _ina.ReadBusVoltage().Volts;
        var amperes = Signed(_ina.ReadCurrent().Amperes);
        var kilowatts = (double)_ina.ReadPower().Kilowatts;
        return
        [
            new(QuantityCatalogue.Voltage.Name, _calibration.Apply(QuantityCatalogue.Voltage.Name, Math.Round(volts, 3))),
            new(QuantityCatalogue.Current.Name, _calibration.Apply(QuantityCatalogue.Current.Name, Math.Round(amperes, 6))),
            new(QuantityCatalogue.Power.Name, _calibration.Apply(QuantityCatalogue.Power.Name, Math.Round(kilowatts, 9))),
        ];
    }

    /// <summary>
    /// The binding reads the current register as unsigned, but the INA219 stores it in two's
    /// complement: a reverse current (a battery discharging back) would come out as about +3.2 A.
    /// Recover the register count and read it as signed.
    /// </summary>
    private double Signed(double unsignedAmperes) =>
        (short)(ushort)Math.Round(unsignedAmperes / _currentLsb) * _currentLsb;

    public void Dispose()
    {
        _ina.Dispose();
        _device.Dispose();
    }
}
