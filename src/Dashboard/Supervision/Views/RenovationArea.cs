namespace SmartPark.Dashboard.Supervision.Views;

/// <summary>
/// Area renovated against a target. The plans set targets in km² and parks and projects in
/// hectares: 1 km² = 100 ha. <see cref="Share"/> is null where no target is set (Qingyuan's counties).
/// </summary>
public sealed record RenovationArea(double RenovatedHectares, double? TargetKm2)
{
    public const double HectaresPerKm2 = 100;

    public double RenovatedKm2 => RenovatedHectares / HectaresPerKm2;

    public double? TargetHectares => TargetKm2 * HectaresPerKm2;

    /// <summary>The share of the target renovated (0.25 = a quarter), uncapped: a district may exceed its target.</summary>
    public double? Share => TargetKm2 is > 0 and var target ? RenovatedKm2 / target : null;
}
