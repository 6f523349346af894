namespace SmartPark.ParkData.Entities.Efficiency;

/// <summary>
/// An enterprise's 产业监管协议 (industrial supervision agreement): what it promised when it got its
/// land or its renovation approved, checked every year against the evaluation. A null target is
/// not part of the agreement. Money in 万元, land in mu, energy in tonnes of standard coal (tce).
/// </summary>
public sealed class SupervisionAgreement : IVersioned, IAudited
{
    public required string ParkId { get; set; }
    public required string EnterpriseId { get; set; }

    /// <summary>The agreement's reference, as the district filed it.</summary>
    public string? Reference { get; set; }

    public DateOnly? SignedOn { get; set; }

    /// <summary>Fixed-asset investment made so far, 万元: with the land area, the investment intensity achieved.</summary>
    public double? InvestmentMade { get; set; }

    /// <summary>投资强度 promised, 万元 per mu.</summary>
    public double? InvestmentIntensityTarget { get; set; }

    /// <summary>亩均产值 promised, 万元 per mu per year.</summary>
    public double? OutputPerMuTarget { get; set; }

    /// <summary>亩均税收 promised, 万元 per mu per year.</summary>
    public double? TaxPerMuTarget { get; set; }

    /// <summary>单位产值能耗 allowed at most, tce per 万元 of output.</summary>
    public double? EnergyPerOutputTarget { get; set; }

    public long Version { get; set; }

    public Enterprise? Enterprise { get; set; }

    public string AuditKey => $"agreement:{ParkId}/{EnterpriseId}";
}
