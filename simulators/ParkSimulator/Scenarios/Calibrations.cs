using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Drivers;

namespace SmartPark.Simulator.Scenarios;

/// <summary>
/// What an analyser reads while it is calibrated (HJ 75-2017: a daily zero and span check): the
/// span gas or standard solution in place of the sample, flagged C so that nothing judges it as
/// an emission. Flow, velocity, temperature, pressure, moisture and dust come from other instruments and go on measuring.
/// </summary>
public static class Calibrations
{
    /// <summary>Whether an analyser measures this quantity from its sample: a pollutant concentration, flue-gas O₂
    /// or pH. Particulate is not: the dust meter is an instrument of its own, calibrated on its own.</summary>
    public static bool IsAnalysed(string quantity) =>
        QuantityCatalogue.TryGet(quantity, out var q) && !q.IsDerived && q.Name != QuantityCatalogue.Particulate.Name
        && (q.Medium is not null || q.Name == QuantityCatalogue.Oxygen.Name || q.Name == QuantityCatalogue.Ph.Name);

    /// <summary>The value a calibrated quantity reads with a span of <paramref name="span"/>, flagged C; others unchanged.</summary>
    public static SensorValue During(SensorValue value, double span)
    {
        if (!IsAnalysed(value.Quantity))
            return value;
        var reading = value.Quantity switch
        {
            // NOx span gas is NO in nitrogen: no oxygen, NOx (as NO₂) at the span, a little NO₂.
            "o2" => 0,
            "no" => Math.Round(span * 0.95 * 30 / 46, 1),
            "no2" => Math.Round(span * 0.05, 1),
            // A standard pH buffer.
            "ph" => 9.18,
            _ => span,
        };
        return value with { Value = reading, Flag = DataFlag.Calibration };
    }
}
