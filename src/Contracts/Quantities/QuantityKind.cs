namespace SmartPark.Contracts.Quantities;

public enum QuantityKind
{
    /// <summary>A concentration or other air-quality value.</summary>
    Emission,
    /// <summary>Ambient or hot-spot conditions.</summary>
    Environment,
    /// <summary>Fire and gas safety: detector states (0 quiet, 1 alarm) and %LEL.</summary>
    Safety,
    /// <summary>Electrical metering, and the other energy carriers (gas, steam) a park buys.</summary>
    Energy,
    /// <summary>Resources that are not energy but are metered and allocated by grade: water.</summary>
    Resource,
    /// <summary>A pollutant in wastewater (COD, ammonia nitrogen, phosphorus, nitrogen, pH).</summary>
    Water,
    /// <summary>The conditions a concentration is judged and converted with: flue-gas oxygen, flow,
    /// temperature, pressure, humidity and velocity; wastewater flow.</summary>
    Process,
}
