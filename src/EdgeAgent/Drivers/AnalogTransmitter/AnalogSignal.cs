namespace SmartPark.EdgeAgent.Drivers.AnalogTransmitter;

/// <summary>How an industrial transmitter's output reaches the ADC.</summary>
public enum AnalogSignal
{
    /// <summary>4–20 mA loop through a precision shunt resistor to GND: V = I × R.</summary>
    Current4To20mA,

    /// <summary>0–10 V through a resistor divider: V_adc = V_out / ratio.</summary>
    Voltage0To10V,
}
