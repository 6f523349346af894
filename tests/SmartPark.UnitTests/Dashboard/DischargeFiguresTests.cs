using SmartPark.Dashboard.Live;
using SmartPark.Dashboard.Overview;

namespace SmartPark.UnitTests.Dashboard;

/// <summary>A tile's discharge lines: pollutants as judged, grouped by flue gas and wastewater, without rates or process conditions.</summary>
public sealed class DischargeFiguresTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static ReadingView R(string sensor, string quantity, double value, string unit, string flag = "N") => new(sensor, quantity, value, unit, At, flag);

    [Fact]
    public void A_converted_value_stands_for_its_pollutant_and_wastewater_pollutants_form_their_own_group()
    {
        var figures = DischargeFigures.Of(
        [
            R("gas-1", "nox", 200, "mg/m3"), R("gas-1", "nox_converted", 266.7, "mg/m3", "C"), R("gas-1", "nox_rate", 7.2, "kg/h"),
            R("gas-1", "so2", 30, "mg/m3"), R("gas-1", "o2", 12, "%"), R("gas-1", "flue_gas_flow", 10, "m3/s"),
            R("w-1", "cod", 40, "mg/L"), R("w-2", "cod", 55, "mg/L"), R("w-1", "ph", 7.1, "pH"), R("w-1", "wastewater_flow", 3, "L/s"),
            R("voc-1", "nmhc", 2, "mg/m3"),
        ]);

        Assert.Equal(
            [("flueGas", "nox_converted", 266.7, "C"), ("flueGas", "so2", 30, "N"), ("wastewater", "cod", 55, "N"), ("wastewater", "ph", 7.1, "N")],
            figures.Select(f => (f.Group, f.Quantity, f.Value, f.Flag)));
    }
}
