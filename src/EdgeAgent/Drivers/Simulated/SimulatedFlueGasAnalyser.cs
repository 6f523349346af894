using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.EdgeAgent.Drivers.Simulated;

/// <summary>
/// A CEMS at the stack of a small gas-fired boiler: the gas analyser (NOx, NO, NO₂, SO₂, CO, O₂),
/// the dust meter and the flow, velocity, temperature, pressure and moisture probes, read together so that
/// Ingest can convert each concentration to the reference oxygen from the same sampling round.
/// <para>
/// The burner fires while the works produces (its shift pattern) and modulates with the steam
/// demand (a slow seeded wave): at full fire O₂ is about 4 % and raw NOx about <c>noxMg</c>; at
/// low fire O₂ rises towards 7 % and NOx falls towards 55 % of it. With the burner off the stack
/// holds ambient air: O₂ near 20.9 %, a trace of NOx (<c>standbyMg</c>), a natural draught.
/// </para>
/// Settings: <c>noxMg</c> (110, raw NOx at full fire), <c>standbyMg</c> (1.5), <c>flowM3s</c>
/// (0.8, dry standard m³/s at full fire: a 2 t/h boiler), <c>shift</c>, <c>seed</c>.
/// </summary>
public sealed class SimulatedFlueGasAnalyser : ISensorDriver
{
    /// <summary>Oxygen of dry air, % by volume: what a stack holds with the burner off.</summary>
    public const double AirOxygen = 20.9;

    // The steam demand swings over about 40 minutes: enough to see the O₂ and NOx move together.
    private static readonly TimeSpan DemandPeriod = TimeSpan.FromMinutes(40);

    // A stack of 0.5 m bore, m².
    private const double StackArea = Math.PI * 0.25 * 0.25;

    private readonly SeededNoise _noise;
    private readonly double _noxMg;
    private readonly double _standbyMg;
    private readonly double _flow;
    private readonly double _phase;
    private readonly ShiftPattern _shift;

    public SimulatedFlueGasAnalyser(SensorOptions options, int seed)
    {
        SensorId = options.Id;
        _noise = new SeededNoise(seed);
        _noxMg = options.GetDouble("noxMg", 110);
        _standbyMg = options.GetDouble("standbyMg", 1.5);
        _flow = options.GetDouble("flowM3s", 0.8);
        _shift = ProductionProfile.Parse(options.GetString("shift", "day"));
        _phase = _noise.Uniform(0, 2 * Math.PI);
    }

    public string SensorId { get; }

    public IReadOnlyList<string> Quantities { get; } =
    [
        QuantityCatalogue.Nox.Name, QuantityCatalogue.No.Name, QuantityCatalogue.No2.Name, QuantityCatalogue.So2.Name,
        QuantityCatalogue.Co.Name, QuantityCatalogue.Oxygen.Name, QuantityCatalogue.Particulate.Name,
        QuantityCatalogue.FlueGasFlow.Name, QuantityCatalogue.FlueGasTemperature.Name, QuantityCatalogue.FlueGasPressure.Name,
        QuantityCatalogue.FlueGasHumidity.Name, QuantityCatalogue.FlueGasVelocity.Name,
    ];

    public IReadOnlyList<SensorValue> Read(DateTimeOffset at)
    {
        var level = ProductionProfile.Level(at, _shift);
        var ambient = Ambient.Temperature(at, 24, 4);
        double nox, so2, co, o2, particulate, flow, temperature, moisture;
        if (level > 0.05)
        {
            var demand = 0.5 + (0.5 * Math.Sin((2 * Math.PI * at.ToUnixTimeSeconds() / DemandPeriod.TotalSeconds) + _phase));
            var load = level * (0.6 + (0.4 * demand));
            o2 = (8.5 - (4.5 * load)) * (1 + _noise.Gaussian(0, 0.03));
            nox = _noxMg * (0.55 + (0.45 * load)) * (1 + _noise.Gaussian(0, 0.05));
            // Natural gas carries almost no sulphur or ash; CO climbs at low fire, where mixing is poorer.
            so2 = 3 * (1 + _noise.Gaussian(0, 0.15));
            co = (12 + (20 * (1 - load))) * (1 + _noise.Gaussian(0, 0.1));
            particulate = 2 * (1 + _noise.Gaussian(0, 0.15));
            // More excess air is more flue gas for the same fuel.
            flow = _flow * load * (AirOxygen - 4) / (AirOxygen - o2) * (1 + _noise.Gaussian(0, 0.02));
            temperature = (110 + (40 * load)) + _noise.Gaussian(0, 1.5);
            // Methane burnt with air gives about 18.5 % water vapour at no excess air; excess air dilutes it.
            moisture = 18.5 * (AirOxygen - o2) / AirOxygen * (1 + _noise.Gaussian(0, 0.03));
        }
        else
        {
            o2 = AirOxygen - Math.Abs(_noise.Gaussian(0, 0.15));
            nox = _standbyMg * (1 + _noise.Gaussian(0, 0.2));
            so2 = 0.3 * (1 + _noise.Gaussian(0, 0.2));
            co = 1 + Math.Abs(_noise.Gaussian(0, 0.3));
            particulate = 0.5 * (1 + _noise.Gaussian(0, 0.2));
            flow = _flow * 0.03 * (1 + _noise.Gaussian(0, 0.1));
            temperature = ambient + 8 + _noise.Gaussian(0, 0.5);
            moisture = 2 * (1 + _noise.Gaussian(0, 0.1));
        }
        nox = Math.Max(0.1, nox);
        // NOx is reported as NO₂: about 95 % of it is NO (molar mass 30 against NO₂'s 46), the rest NO₂.
        var no2 = nox * 0.05;
        var no = (nox - no2) * 30 / 46;
        var pressure = 100.9 + _noise.Gaussian(0, 0.05);
        // The pitot tube sees the actual (hot, wet) gas in a stack of 0.5 m bore.
        var actualFlow = flow * (temperature + 273.15) / 273.15 * (101.325 / pressure) / (1 - (Math.Clamp(moisture, 0, 60) / 100));
        var velocity = actualFlow / StackArea;
        // Rounded as HJ 212 sends them (N5.1 NOx, N4.1 NO/NO₂, N3.1 O₂...): what the bureau would see.
        return
        [
            new(QuantityCatalogue.Nox.Name, Math.Round(nox, 1)),
            new(QuantityCatalogue.No.Name, Math.Round(no, 1)),
            new(QuantityCatalogue.No2.Name, Math.Round(no2, 1)),
            new(QuantityCatalogue.So2.Name, Math.Round(Math.Max(0, so2), 2)),
            new(QuantityCatalogue.Co.Name, Math.Round(Math.Max(0, co), 2)),
            new(QuantityCatalogue.Oxygen.Name, Math.Round(Math.Clamp(o2, 0, AirOxygen), 1)),
            new(QuantityCatalogue.Particulate.Name, Math.Round(Math.Max(0, particulate), 1)),
            new(QuantityCatalogue.FlueGasFlow.Name, Math.Round(Math.Max(0, flow), 3)),
            new(QuantityCatalogue.FlueGasTemperature.Name, Math.Round(temperature, 1)),
            new(QuantityCatalogue.FlueGasPressure.Name, Math.Round(pressure, 3)),
            new(QuantityCatalogue.FlueGasHumidity.Name, Math.Round(Math.Clamp(moisture, 0, 100), 1)),
            new(QuantityCatalogue.FlueGasVelocity.Name, Math.Round(Math.Max(0, velocity), 2)),
        ];
    }
}
