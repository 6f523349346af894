using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Ads1115;
using SmartPark.EdgeAgent.Drivers.Calibration;
using SmartPark.EdgeAgent.Drivers.Hardware;

namespace SmartPark.EdgeAgent.Drivers.AnalogTransmitter;

/// <summary>
/// A transmitter with a 4–20 mA or 0–10 V output (NMHC/VOC by default; any measured quantity of
/// the catalogue: a NOx or O2 analyser's output, a flow or pH transmitter), read through an ADS1115
/// channel and scaled to the quantity's unit by a two-point line (signal → value). A loop current under 3.6 mA or over
/// 21 mA is a fault (NAMUR NE 43: broken wire, unpowered or failed transmitter) and reads as
/// flag D; a signal above the range's top end reads with flag T (over range).
/// </summary>
public sealed class AnalogTransmitterDriver : ISensorDriver, IDisposable
{
    public const double LoopFaultLowMilliamps = 3.6;
    public const double LoopFaultHighMilliamps = 21.0;

    private readonly Ads1115Adc _adc;
    private readonly double _shuntOhms;
    private readonly double _dividerRatio;
    private readonly TwoPointCalibration _line;
    private readonly double _signalTop;
    private readonly double _ppmToMg;
    private readonly string _quantity;
    private readonly double _minimum;

    public AnalogTransmitterDriver(SensorOptions options, IHardware hardware)
    {
        SensorId = options.Id;
        _quantity = options.GetString("quantity", QuantityCatalogue.Nmhc.Name);
        if (AnalogTransmitterDescriptor.QuantityProblem(_quantity) is { } why)
            throw new ArgumentException($"Sensor '{options.Id}': Settings:quantity '{_quantity}' {why}");
        var quantity = QuantityCatalogue.Get(_quantity);
        _minimum = quantity.Minimum;
        Quantities = [_quantity];
        Signal = options.GetString("signal", "4-20mA") switch
        {
            "4-20mA" => AnalogSignal.Current4To20mA,
            "0-10V" => AnalogSignal.Voltage0To10V,
            var other => throw new ArgumentException($"Sensor '{options.Id}': signal '{other}' must be 4-20mA or 0-10V"),
        };
        _shuntOhms = options.GetDouble("shuntOhms", 150);
        _dividerRatio = options.GetDouble("dividerRatio", 3.0);
        if (_shuntOhms <= 0 || _dividerRatio < 1)
            throw new ArgumentException($"Sensor '{options.Id}': shuntOhms must be > 0 and dividerRatio ≥ 1");
        var rangeLow = options.GetDouble("rangeLow", 0);
        var rangeHigh = options.RequireDouble("rangeHigh");
        var (low, high) = Signal == AnalogSignal.Current4To20mA ? (4.0, 20.0) : (0.0, 10.0);
        _signalTop = high;
        _line = TwoPointCalibration.From(options, (low, rangeLow), (high, rangeHigh));
        // A transmitter ranged in ppm: mg/m³ = ppm × M / 24.45 (molar volume at 25 °C, 101.325 kPa).
        var rangeUnit = options.GetString("rangeUnit", quantity.Unit);
        _ppmToMg = rangeUnit == quantity.Unit ? 1
            : rangeUnit == "ppm" && quantity.Unit == AnalogTransmitterDescriptor.MassConcentration ? options.RequireDouble("molarMass") / 24.45
            : throw new ArgumentException($"Sensor '{options.Id}': Settings:rangeUnit '{rangeUnit}' must be {quantity.Unit}{(quantity.Unit == AnalogTransmitterDescriptor.MassConcentration ? " or ppm" : "")}");
        Calibration = LinearCalibration.From(options, _quantity);
        var (bus, address) = options.GetI2c(Ads1115Adc.DefaultAddress);
        _adc = new Ads1115Adc(hardware.OpenI2c(bus, address), options.GetInt("channel", 0), options.GetDouble("fullScale", 4.096));
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; }

    public AnalogSignal Signal { get; }

    public LinearCalibration Calibration { get; }

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        var volts = _adc.ReadVolts();
        var signal = Signal == AnalogSignal.Current4To20mA ? volts / _shuntOhms * 1000 : volts * _dividerRatio;
        if (Signal == AnalogSignal.Current4To20mA && signal is < LoopFaultLowMilliamps or > LoopFaultHighMilliamps)
            throw new IOException($"ADS1115 AIN{_adc.Channel}: loop current {signal:F2} mA is outside {LoopFaultLowMilliamps}–{LoopFaultHighMilliamps} mA (broken wire, unpowered loop or failed transmitter)");
        // A signal a little under the zero point is noise, not a value below what is physically possible.
        var value = Math.Max(_minimum, Calibration.Apply(_line.Apply(signal) * _ppmToMg));
        // Half a percent of span above the top is still noise; beyond it the transmitter is saturated.
        var flag = signal > _signalTop * 1.005 ? DataFlag.OverRange : DataFlag.Normal;
        return [new SensorValue(_quantity, Math.Round(value, 3), flag)];
    }

    public void Dispose() => _adc.Dispose();
}
