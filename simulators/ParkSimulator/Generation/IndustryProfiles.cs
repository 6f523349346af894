namespace SmartPark.Simulator.Generation;

/// <summary>
/// What each industry of a village park runs and therefore needs watched: its load, how much
/// VOC its process gives off, how it works (shifts), which detectors it carries, and the water,
/// natural gas and steam it draws at full production (metered for the land-use and energy
/// efficiency evaluation). Ranges are drawn from per enterprise, so two printing works in a park differ.
/// </summary>
public sealed record IndustryProfile(
    string Industry,
    string Short,
    (double Min, double Max) RatedKw,
    (double Min, double Max) ProcessVocMg,
    double VocPeakChance,
    IReadOnlyList<string> Shifts,
    bool AirQuality,
    bool GasDetector)
{
    /// <summary>m³ of water per hour at full production; every works has a water meter.</summary>
    public (double Min, double Max) WaterM3PerHour { get; init; } = (0.5, 2);

    /// <summary>m³ of natural gas per hour at full production (drying ovens, furnaces); null: no gas supply.</summary>
    public (double Min, double Max)? GasM3PerHour { get; init; }

    /// <summary>Tonnes of steam per hour at full production (the park's steam main); null: no steam.</summary>
    public (double Min, double Max)? SteamTPerHour { get; init; }
}

public static class IndustryProfiles
{
    public static IReadOnlyList<IndustryProfile> All { get; } =
    [
        // Spray booths and drying rooms: the park's main VOC emitters (DB44/2367 targets them).
        // Water-curtain spray booths; gas-fired drying rooms.
        new("furniture_painting", "furn", (150, 300), (2.5, 3.6), 0.02, ["day", "two-shifts"], AirQuality: true, GasDetector: false)
            { WaterM3PerHour = (1.5, 4), GasM3PerHour = (20, 60) },
        new("printing", "print", (100, 220), (1.8, 2.6), 0.01, ["two-shifts", "day"], AirQuality: false, GasDetector: false)
            { WaterM3PerHour = (0.5, 2), GasM3PerHour = (10, 30) },
        // Cooling water for moulding; steam for rubber vulcanising.
        new("plastics_rubber", "plas", (200, 400), (1.2, 2.0), 0.01, ["two-shifts", "continuous"], AirQuality: false, GasDetector: true)
            { WaterM3PerHour = (2, 6), SteamTPerHour = (0.5, 2) },
        new("electronics_assembly", "elec", (80, 150), (0.4, 0.8), 0.01, ["day"], AirQuality: true, GasDetector: false)
            { WaterM3PerHour = (1, 3) },
        // Quench and wash water; gas-fired heat treatment.
        new("metalwork", "metal", (200, 350), (0.5, 1.0), 0.01, ["day"], AirQuality: false, GasDetector: true)
            { WaterM3PerHour = (1, 4), GasM3PerHour = (30, 80) },
        new("warehousing", "store", (100, 400), (0.2, 0.4), 0.005, ["continuous", "day"], AirQuality: false, GasDetector: false)
            { WaterM3PerHour = (0.2, 0.8) },
    ];

    public static IndustryProfile? Find(string industry) => All.FirstOrDefault(p => p.Industry == industry);
}
