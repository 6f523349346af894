namespace SmartPark.Contracts.Emissions;

/// <summary>
/// The conversions of HJ 75-2017 and GB/T 16157-1996 that flue-gas standards judge by, as pure
/// functions. Each returns null when its inputs cannot give a value (moisture of 100 %, a zero
/// absolute temperature), never a number that means nothing.
/// </summary>
public static class FlueGasFormulas
{
    /// <summary>Oxygen in air, % by volume: the numerator of every reference-oxygen conversion.</summary>
    public const double AirOxygen = 21.0;

    /// <summary>
    /// Above this measured oxygen content the conversion is made as if it were this: with O₂ near
    /// 21 % the divisor (21 − O₂) tends to zero. Clamping rather than dropping the value keeps a
    /// stack diluted with air (the way to lower a raw reading) from escaping the conversion; a
    /// stopped boiler, whose raw concentration is near zero, converts to near zero either way.
    /// ⚠️ Our choice, not a figure read in a standard.
    /// </summary>
    public const double OxygenCeiling = 19.0;

    /// <summary>0 °C in kelvin and one standard atmosphere in kPa: the standard conditions of HJ 75.</summary>
    public const double StandardKelvin = 273.15;
    public const double StandardKPa = 101.325;

    /// <summary>mg/m³ × m³/s (or mg/L × L/s) → kg/h: × 3600 s/h ÷ 10⁶ mg/kg.</summary>
    public const double MgPerSecondToKgPerHour = 3600.0 / 1_000_000.0;

    /// <summary>A wet-basis value on the dry basis: C / (1 − X), with X the water vapour fraction (moisture % / 100).</summary>
    public static double? Dry(double wet, double moisturePercent) =>
        moisturePercent is >= 0 and < 100 ? wet / (1 - (moisturePercent / 100)) : null;

    /// <summary>
    /// A dry concentration at the reference oxygen content: C × (21 − O₂ref) / (21 − O₂), with O₂ the
    /// dry measured oxygen (clamped at <see cref="OxygenCeiling"/>).
    /// </summary>
    public static double? AtReferenceOxygen(double dryConcentration, double dryOxygenPercent, double referenceOxygenPercent)
    {
        if (referenceOxygenPercent is < 0 or > EmissionSettings.MaxReferenceOxygen || dryOxygenPercent < 0)
            return null;
        var oxygen = Math.Min(dryOxygenPercent, OxygenCeiling);
        return dryConcentration * (AirOxygen - referenceOxygenPercent) / (AirOxygen - oxygen);
    }

    /// <summary>
    /// A flow at stack conditions (m³/s, wet, at its temperature and absolute pressure) at dry standard
    /// conditions: Q × 273.15 / (273.15 + t) × P / 101.325 × (1 − X).
    /// </summary>
    public static double? StandardDryFlow(double actualFlow, double temperatureC, double absolutePressureKPa, double moisturePercent)
    {
        var kelvin = StandardKelvin + temperatureC;
        if (kelvin <= 0 || absolutePressureKPa <= 0 || moisturePercent is < 0 or >= 100)
            return null;
        return actualFlow * (StandardKelvin / kelvin) * (absolutePressureKPa / StandardKPa) * (1 - (moisturePercent / 100));
    }

    /// <summary>Mass emission rate in kg/h from a concentration (mg/m³ dry, or mg/L) and a flow (m³/s dry standard, or L/s).</summary>
    public static double RateKgPerHour(double concentration, double flow) => concentration * flow * MgPerSecondToKgPerHour;
}
