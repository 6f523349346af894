using SmartPark.Contracts.Registry;

namespace SmartPark.ParkData.Entities;

/// <summary>An enterprise in a park. Its key is (park, id), as the topics address it.</summary>
public sealed class Enterprise : IVersioned, IAudited, IRegistryRow
{
    public required string ParkId { get; set; }
    public required string Id { get; set; }
    public required string NameZh { get; set; }
    public string? NameEn { get; set; }

    /// <summary>统一社会信用代码, checked by <see cref="Validation.UnifiedSocialCreditCode"/>; null when not yet known.</summary>
    public string? CreditCode { get; set; }

    public required string Industry { get; set; }

    /// <summary>Floor area in m².</summary>
    public double FloorAreaM2 { get; set; }

    /// <summary>Land area in m² (the efficiency evaluation counts it in mu: m² / 666.67).</summary>
    public double LandAreaM2 { get; set; }

    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }

    /// <summary>One of <see cref="RenovationStatus.All"/>; rules depend on it (a shut-down enterprise must draw no power).</summary>
    public string Status { get; set; } = RenovationStatus.Operating;

    /// <summary>排污许可证编号</summary>
    public string? DischargePermitNumber { get; set; }

    public DateOnly? DischargePermitExpiry { get; set; }

    /// <summary>The permit's limits (<see cref="PermitLimitRow"/>); read only with a permit number, as a permit without one is not one.</summary>
    public List<PermitLimitRow> PermitLimits { get; set; } = [];

    /// <summary>Where the park plan draws it (plan units); all null when not drawn.</summary>
    public double? PlanX { get; set; }
    public double? PlanY { get; set; }
    public double? PlanWidth { get; set; }
    public double? PlanHeight { get; set; }

    public long Version { get; set; }

    public Park? Park { get; set; }
    public List<Device> Devices { get; set; } = [];
    public List<MonitoringPoint> MonitoringPoints { get; set; } = [];

    public string AuditKey => $"enterprise:{ParkId}/{Id}";
}
