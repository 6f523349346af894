namespace SmartPark.Contracts.Emissions;

/// <summary>
/// How one sensor's flue-gas values were measured, from the registry (YAML
/// <c>emission: { referenceO2: 9, basis: wet, flow: actual }</c> on the sensor), so Ingest can put
/// them on the basis the standards judge: dry, at the reference oxygen content, at standard
/// conditions. Without it a sensor's values are taken as dry and its flow as dry standard
/// (a cold-dry extractive CEMS), and no converted concentration is derived: the reference oxygen
/// depends on the source (GB 13271-2014: 9 % for coal boilers, 3.5 % for oil and gas), so
/// SmartPark does not guess it.
/// </summary>
public sealed record EmissionSettings
{
    /// <summary>The reference oxygen content in % by volume its standard converts to; null: no converted value.</summary>
    public double? ReferenceOxygen { get; init; }

    /// <summary>Concentrations (and oxygen) measured wet (in-situ or hot-wet extractive): divided by
    /// (1 − moisture) for the dry basis, which needs the flue-gas moisture in the same round.</summary>
    public bool WetBasis { get; init; }

    /// <summary>The flow is at stack conditions (actual, wet): brought to dry standard conditions (273.15 K,
    /// 101.325 kPa) with the flue-gas temperature, absolute pressure and moisture of the same round.</summary>
    public bool ActualFlow { get; init; }

    public const string Dry = "dry";
    public const string Wet = "wet";
    public const string StandardFlow = "standard";
    public const string Actual = "actual";

    /// <summary>The highest sensible reference oxygen content: conversion divides by (21 − O₂).</summary>
    public const double MaxReferenceOxygen = 20;
}
