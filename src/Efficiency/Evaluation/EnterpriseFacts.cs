namespace SmartPark.Efficiency.Evaluation;

/// <summary>
/// What the evaluation knows of one enterprise for one year: its identity and land from the park
/// database, its economic figures (null when it reported none), its metered energy and water, and
/// its supervision agreement. Gathered by the Dashboard (park database + stored consumption) or
/// written by the simulator; the evaluation itself does no I/O.
/// </summary>
public sealed record EnterpriseFacts
{
    public required string ParkId { get; init; }
    public required string EnterpriseId { get; init; }
    public required string NameZh { get; init; }
    public string? NameEn { get; init; }
    public required string Industry { get; init; }

    /// <summary>Land area in mu (m² / 666.67).</summary>
    public double LandAreaMu { get; init; }

    public double FloorAreaM2 { get; init; }

    /// <summary>One of ParkData's <c>EvaluationStanding</c>: graded, new, exempt.</summary>
    public string Standing { get; init; } = "graded";

    public EconomicFigures? Economics { get; init; }

    public EnergyFigures Energy { get; init; } = EnergyFigures.None;

    public AgreementTargets? Agreement { get; init; }

    /// <summary>m² per mu: 10,000 / 15.</summary>
    public const double SquareMetresPerMu = 10_000.0 / 15;
}

/// <summary>An enterprise's reported economic figures for the year; money in 万元.</summary>
public sealed record EconomicFigures(
    double? OutputValue,
    double? ValueAdded,
    double? Revenue,
    double? TaxPaid,
    int? Employees,
    double? RdSpending);

/// <summary>
/// An enterprise's metered consumption for the year, from the stored consumption (<c>*_use_1y</c>
/// or the months): electricity in kWh, all energy together in tce (electricity, gas, steam at the
/// configured coefficients), water in m³. <see cref="Coverage"/> (0..1) is how much of the year the
/// meters covered; <see cref="Flags"/> the consumption flags met (reset, rollover, replaced, gap, jump).
/// </summary>
public sealed record EnergyFigures(double ElectricityKwh, double Tce, double WaterM3, double Coverage, IReadOnlyList<string> Flags)
{
    public static readonly EnergyFigures None = new(0, 0, 0, 0, []);

    /// <summary>Whether any meter counted for the year at all. Not coverage alone: a meter read once a
    /// day has every quarter hour interpolated (coverage near 0), yet its year's use is exact.</summary>
    public bool IsMetered => Coverage > 0 || ElectricityKwh > 0 || Tce > 0;
}

/// <summary>The supervision agreement's promises (null: not agreed); money 万元, land mu, energy tce.</summary>
public sealed record AgreementTargets(
    double? InvestmentMade,
    double? InvestmentIntensityTarget,
    double? OutputPerMuTarget,
    double? TaxPerMuTarget,
    double? EnergyPerOutputTarget);
