using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Ads1115;
using SmartPark.EdgeAgent.Drivers.Calibration;
using SmartPark.EdgeAgent.Drivers.Hardware;

namespace SmartPark.EdgeAgent.Drivers.MqGas;

/// <summary>
/// An MQ-type (MQ-2, MQ-4, MQ-5) combustible-gas module's analog output, read through an
/// ADS1115 and reported as %LEL. The sensing element is a resistor Rs in series with the module's
/// load resistor RL: Rs = RL × (Vc − Vout) / Vout. The datasheet curve is a power law,
/// ppm = a × (Rs/R0)^b, where R0 is Rs in clean air, measured at commissioning (setting
/// <c>r0Ohms</c>). %LEL = ppm / LEL(ppm) × 100; methane's LEL is 5 %vol = 50,000 ppm.
/// MQ modules are indicators, not certified gas detectors: see the driver README.
/// </summary>
public sealed class MqGasDriver : ISensorDriver, IDisposable
{
    private readonly Ads1115Adc _adc;
    private readonly double _dividerRatio;
    private readonly double _supplyVolts;
    private readonly double _loadOhms;
    private readonly double _r0Ohms;
    private readonly double _curveA;
    private readonly double _curveB;
    private readonly double _lelPpm;

    public MqGasDriver(SensorOptions options, IHardware hardware)
    {
        SensorId = options.Id;
        _dividerRatio = options.GetDouble("dividerRatio", 1.5);
        _supplyVolts = options.GetDouble("supplyVolts", 5.0);
        _loadOhms = options.GetDouble("loadOhms", 1000);
        _r0Ohms = options.RequireDouble("r0Ohms");
        // Defaults: MQ-4 methane curve (≈1000 ppm at Rs/R0 = 1, ×0.1 per decade slope −2.8).
        _curveA = options.GetDouble("curveA", 1012.7);
        _curveB = options.GetDouble("curveB", -2.786);
        _lelPpm = options.GetDouble("lelPpm", 50_000);
        if (_dividerRatio < 1 || _supplyVolts <= 0 || _loadOhms <= 0 || _r0Ohms <= 0 || _lelPpm <= 0 || _curveA <= 0)
            throw new ArgumentException($"Sensor '{options.Id}': dividerRatio ≥ 1 and supplyVolts, loadOhms, r0Ohms, lelPpm, curveA > 0 are required");
        Calibration = LinearCalibration.From(options, QuantityCatalogue.GasLel.Name);
        var (bus, address) = options.GetI2c(Ads1115Adc.DefaultAddress);
        _adc = new Ads1115Adc(hardware.OpenI2c(bus, address), options.GetInt("channel", 0), options.GetDouble("fullScale", 4.096));
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } = [QuantityCatalogue.GasLel.Name];

    public LinearCalibration Calibration { get; }

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        var vout = _adc.ReadVolts() * _dividerRatio;
        if (vout <= 0.01)
            throw new IOException($"MQ module on ADS1115 AIN{_adc.Channel} reads {vout:F3} V: heater or module unpowered, or output disconnected");
        var lel = PercentLel(vout);
        var flag = lel > 100 ? DataFlag.OverRange : DataFlag.Normal;
        return [new SensorValue(QuantityCatalogue.GasLel.Name, Math.Round(Math.Clamp(lel, 0, 100), 2), flag)];
    }

    /// <summary>The module output (volts, before the divider) to calibrated %LEL.</summary>
    public double PercentLel(double vout)
    {
        var rs = _loadOhms * Math.Max(0, _supplyVolts - vout) / vout;
        var ppm = _curveA * Math.Pow(rs / _r0Ohms, _curveB);
        return Calibration.Apply(ppm / _lelPpm * 100);
    }

    public void Dispose() => _adc.Dispose();
}
