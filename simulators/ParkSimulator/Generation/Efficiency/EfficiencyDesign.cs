using SmartPark.EdgeAgent.Drivers.Simulated;

namespace SmartPark.Simulator.Generation.Efficiency;

/// <summary>
/// One enterprise's designed year: its standing, its latent rank among the graded (1 = most
/// efficient) and the grade that rank earns, the land and floor it is evaluated on (and whether the
/// design had to set them), its economic figures (万元), the energy and water its meters count, its
/// supervision agreement with the targets it misses, and its meter device.
/// </summary>
public sealed record EnterpriseDesign
{
    public required string ParkId { get; init; }
    public required string EnterpriseId { get; init; }
    public required string Industry { get; init; }
    public required string Standing { get; init; }
    public int? Rank { get; init; }
    public string? Grade { get; init; }
    public double LandAreaM2 { get; init; }
    public double FloorAreaM2 { get; init; }
    public bool LandSet { get; init; }
    public bool FloorSet { get; init; }
    public double OutputValue { get; init; }
    public double ValueAdded { get; init; }
    public double Revenue { get; init; }
    public double TaxPaid { get; init; }
    public int Employees { get; init; }
    public double RdSpending { get; init; }
    public double ElectricityKwh { get; init; }
    public double GasM3 { get; init; }
    public double WaterM3 { get; init; }

    /// <summary>All energy in tonnes of standard coal at the default (calorific) coefficients.</summary>
    public double Tce { get; init; }

    public AgreementDesign? Agreement { get; init; }
    public required MeterDesign Meter { get; init; }

    public double LandAreaMu => LandAreaM2 / global::SmartPark.Efficiency.Evaluation.EnterpriseFacts.SquareMetresPerMu;
}

/// <summary>A supervision agreement: the targets (null: not agreed) and which of them the year misses, by indicator id.</summary>
public sealed record AgreementDesign(
    string Reference,
    DateOnly SignedOn,
    double InvestmentMade,
    double? InvestmentIntensityTarget,
    double? OutputPerMuTarget,
    double? TaxPerMuTarget,
    double? EnergyPerOutputTarget,
    IReadOnlyList<AgreementMiss> Misses);

/// <summary>A target the year's figures miss (indicator id), what was promised and what is achieved.</summary>
public sealed record AgreementMiss(string Target, double Promised, double Achieved);

/// <summary>An enterprise's meter device (one per enterprise) and how it works, which shapes its counters.</summary>
public sealed record MeterDesign(string DeviceId, ShiftPattern Shift, int Seed, IReadOnlyList<CounterDesign> Counters);

/// <summary>What befalls a counter during the year.</summary>
public enum CounterEvent
{
    None,

    /// <summary>The register is cleared to zero right after a reading (maintenance): the next reading is that interval's use.</summary>
    Reset,

    /// <summary>The register wraps at <see cref="CounterDesign.Rollover"/> (a DL/T 645 XXXXXX.XX register at 1,000,000 kWh).</summary>
    Rollover,

    /// <summary>The meter is swapped half way through an interval; a <c>MeterReplacement</c> row records both registers.</summary>
    Replacement,
}

/// <summary>
/// One counting sensor of a meter: quantity, the year's use (hundredths of the unit: the register's
/// resolution, so sums are exact), where its register starts, where it wraps, and its event
/// (at reading index <see cref="EventIndex"/>: the interval ending at that reading).
/// </summary>
public sealed record CounterDesign(
    string SensorId,
    string Quantity,
    string Unit,
    long UseHundredths,
    long StartHundredths,
    double? Rollover,
    CounterEvent Event,
    int EventIndex,
    long NewInitialHundredths)
{
    public double Use => UseHundredths / 100.0;
}
