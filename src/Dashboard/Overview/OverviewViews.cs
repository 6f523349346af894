using SmartPark.Contracts.Registry;

namespace SmartPark.Dashboard.Overview;

/// <summary>
/// One enterprise tile: status, live power and VOC, fire state, where the plan draws it.
/// <see cref="Name"/> is the registry's (Chinese) name, <see cref="NameEn"/> its English one when
/// given; the page shows the one of its language and falls back to the other.
/// </summary>
public sealed record EnterpriseTile(
    string Park,
    string Enterprise,
    string Name,
    string? NameEn,
    string? Industry,
    string? RegistryStatus,
    string Status,
    double? PowerKw,
    double? Voc,
    string? VocQuantity,
    bool Fire,
    int DevicesOnline,
    int DevicesOffline,
    int OpenAlerts,
    DateTimeOffset? LastSeen,
    PlanRect? Plan,
    IReadOnlyList<DischargeFigure>? Discharge = null);

/// <summary>A live discharge value on a tile: <see cref="Group"/> <c>flueGas</c> or <c>wastewater</c>; a flue-gas
/// pollutant as the standards judge it (<c>nox_converted</c>) when the registry lets it be converted.</summary>
public sealed record DischargeFigure(string Group, string Quantity, double Value, string Unit, string Flag);

public sealed record ParkOverview(
    string Park,
    string? Name,
    string? NameEn,
    string? District,
    double? AreaHectares,
    string? LeadingIndustry,
    IReadOnlyDictionary<string, int> OpenAlertsBySeverity,
    IReadOnlyList<EnterpriseTile> Tiles);

/// <summary>Pushed to a park's group (<c>tiles</c>): the tiles that changed since the last push.</summary>
public sealed record TilesUpdate(string Park, IReadOnlyList<EnterpriseTile> Tiles, IReadOnlyDictionary<string, int> OpenAlertsBySeverity);
