namespace SmartPark.Simulator.Generation;

/// <summary>
/// What each industry of a village park runs and therefore needs watched: its load, how much
/// VOC its process gives off, how it works (shifts), and which detectors it carries. Ranges are
/// drawn from per enterprise, so two printing works in a park differ.
/// </summary>
public sealed record IndustryProfile(
    string Industry,
    string Short,
    (double Min, double Max) RatedKw,
    (double Min, double Max) ProcessVocMg,
    double VocPeakChance,
    IReadOnlyList<string> Shifts,
    bool AirQuality,
    bool GasDetector);

public static class IndustryProfiles
{
    public static IReadOnlyList<IndustryProfile> All { get; } =
    [
        // Spray booths and drying rooms: the park's main VOC emitters (DB44/2367 targets them).
        new("furniture_painting", "furn", (150, 300), (2.5, 3.6), 0.02, ["day", "two-shifts"], AirQuality: true, GasDetector: false),
        new("printing", "print", (100, 220), (1.8, 2.6), 0.01, ["two-shifts", "day"], AirQuality: false, GasDetector: false),
        new("plastics_rubber", "plas", (200, 400), (1.2, 2.0), 0.01, ["two-shifts", "continuous"], AirQuality: false, GasDetector: true),
        new("electronics_assembly", "elec", (80, 150), (0.4, 0.8), 0.01, ["day"], AirQuality: true, GasDetector: false),
        new("metalwork", "metal", (200, 350), (0.5, 1.0), 0.01, ["day"], AirQuality: false, GasDetector: true),
        new("warehousing", "store", (100, 400), (0.2, 0.4), 0.005, ["continuous", "day"], AirQuality: false, GasDetector: false),
    ];

    public static IndustryProfile? Find(string industry) => All.FirstOrDefault(p => p.Industry == industry);
}
