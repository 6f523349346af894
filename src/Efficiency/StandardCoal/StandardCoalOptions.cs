using System.ComponentModel.DataAnnotations;

namespace SmartPark.Efficiency.StandardCoal;

/// <summary>
/// Section <c>Efficiency:StandardCoal</c>: how metered energy becomes kilograms of standard coal
/// (kgce). Electricity on the calorific-equivalent basis (当量值, GB/T 2589: 0.1229 kgce/kWh) by
/// default; schemes that use the equal-value basis (等价值) set <see cref="ElectricityBasis"/> to
/// <c>equal-value</c> and the year's power-generation coal rate in <see cref="ElectricityEqualValue"/>.
/// </summary>
public sealed class StandardCoalOptions
{
    public const string Section = "Efficiency:StandardCoal";

    public const string CalorificBasis = "calorific";
    public const string EqualValueBasis = "equal-value";

    /// <summary><c>calorific</c> (当量值, default) or <c>equal-value</c> (等价值).</summary>
    [RegularExpression("^(calorific|equal-value)$", ErrorMessage = "ElectricityBasis must be 'calorific' or 'equal-value'")]
    public string ElectricityBasis { get; set; } = CalorificBasis;

    /// <summary>kgce per kWh on the calorific-equivalent basis (GB/T 2589-2020).</summary>
    [Range(0.0001, 10)]
    public double ElectricityCalorific { get; set; } = 0.1229;

    /// <summary>kgce per kWh on the equal-value basis: the year's coal rate of power supply (about 0.30 in recent years).</summary>
    [Range(0.0001, 10)]
    public double ElectricityEqualValue { get; set; } = 0.30;

    /// <summary>kgce per m³ of natural gas (GB/T 2589-2020 gives 1.1000–1.3300; 1.2143 is the usual mean).</summary>
    [Range(0.0001, 100)]
    public double NaturalGas { get; set; } = 1.2143;

    /// <summary>kgce per tonne of steam (GB/T 2589-2020, low-pressure steam, 0.1286 kgce/kg).</summary>
    [Range(0.0001, 10_000)]
    public double Steam { get; set; } = 128.6;
}
