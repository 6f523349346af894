namespace SmartPark.Contracts.Quantities;

public enum QuantityKind
{
    /// <summary>A concentration or other air-quality value.</summary>
    Emission,
    /// <summary>Ambient or hot-spot conditions.</summary>
    Environment,
    /// <summary>A fire or gas detector state: 0 quiet, 1 alarm.</summary>
    Detector,
    /// <summary>Electrical metering.</summary>
    Energy,
}
