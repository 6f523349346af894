using System.Globalization;
using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Drivers.Simulated;
using SmartPark.Efficiency.Evaluation;
using SmartPark.ParkData.Entities;
using SmartPark.ParkData.Vocabulary;

namespace SmartPark.Simulator.Generation.Efficiency;

/// <summary>Parameters of a designed efficiency year.</summary>
public sealed record EfficiencyYearOptions
{
    public required string DistrictId { get; init; }

    /// <summary>A past calendar year (China time): the meters' readings may not lie in the future.</summary>
    public required int Year { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>Between two counter readings; must divide the year (1 h: 8,761 readings a counter).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(1);

    public GradingDesign Grading { get; init; } = GradingDesign.Default;

    /// <summary>
    /// Parks whose devices a registry file maintains (the demo's live park): its import deletes
    /// devices it does not list, so no counter event (with its replacement row) is put there.
    /// </summary>
    public IReadOnlySet<string> RegistryParks { get; init; } = new HashSet<string>();
}

/// <summary>
/// Designs a district's efficiency year so that its grades are known from the design, not from the
/// evaluator. Every graded enterprise gets a latent rank (1 = most efficient), and every figure the
/// default scheme weighs — tax per mu, sales per mu, value added per tonne of standard coal, R&amp;D
/// intensity, labour productivity — is a geometric curve over that rank, multiplied back by the
/// enterprise's own land, revenue, employees or energy: whatever its size, each indicator orders
/// the enterprises by rank (tax per kWh and output per mu follow too), and every value stays under
/// the scheme's benchmark cap so none ties. The grade is then the rank's share of the ranking. The
/// number graded is a multiple of the shares' unit (20 for 25/45/25/5) where the district allows,
/// so no rounding decides a grade; the rest stand new or exempt. Every graded enterprise is above
/// the size threshold (规上), as a plot too small for that (or too large for a village works) gets a designed one. Some get a
/// supervision agreement, a third of those missing one target. Three counters get an event: a
/// reset, a rollover (register wrapping at 1,000,000) and a replaced meter. The same options and
/// enterprises give the same design.
/// </summary>
public static class EfficiencyDesigner
{
    /// <summary>Tonnes of standard coal per kWh and per m³ of gas: StandardCoalOptions' calorific defaults.</summary>
    public const double TcePerKwh = 0.1229 / 1000;
    public const double TcePerGasM3 = 1.2143 / 1000;

    /// <summary>Where a DL/T 645 XXXXXX.XX energy register wraps.</summary>
    public const double RegisterRollover = 1_000_000;

    /// <summary>Industries whose meter device also counts natural gas (furnaces, dryers) and water (process, cooling).</summary>
    private static readonly HashSet<string> GasUsers = ["metalwork", "plastics_rubber"];
    private static readonly Dictionary<string, double> WaterPerOutput = new(StringComparer.Ordinal)
    {
        ["furniture_painting"] = 3.5,
        ["printing"] = 2.5,
        ["plastics_rubber"] = 5,
        ["metalwork"] = 4,
    };

    public static IReadOnlyList<EnterpriseDesign> Design(EfficiencyYearOptions options, IReadOnlyList<Enterprise> enterprises)
    {
        var random = new SeededNoise(SeededNoise.SeedFor(options.Seed, "efficiency", options.DistrictId, options.Year.ToString(CultureInfo.InvariantCulture)));
        var ordered = enterprises.OrderBy(e => e.ParkId, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var count = ordered.Count;
        var graded = GradedCount(count, options.Grading);
        // Which enterprises are graded, and in what latent order: one shuffle decides both.
        var order = DistrictShuffle(Enumerable.Range(0, count).ToList(), random);
        var rankOf = new int?[count];
        for (var r = 0; r < graded; r++)
            rankOf[order[r]] = r + 1;

        var designs = new List<EnterpriseDesign>(count);
        var notGraded = 0;
        for (var i = 0; i < count; i++)
        {
            var enterprise = ordered[i];
            var rank = rankOf[i];
            // Drawn for every enterprise whether used or not, so one enterprise's choices never shift another's.
            var draws = new Draws(random);
            var standing = rank is not null ? EvaluationStanding.Graded : notGraded++ % 2 == 0 ? EvaluationStanding.New : EvaluationStanding.Exempt;
            var t = rank is { } rk ? (graded == 1 ? 0 : (rk - 1) / (double)(graded - 1)) : draws.NotGradedPosition;
            designs.Add(DesignOne(options, enterprise, rank, graded, standing, t, draws));
        }
        return AddEvents(options, AddAgreements(designs, random), random);
    }

    /// <summary>How many of <paramref name="count"/> enterprises are graded: a multiple of the shares' unit when that leaves only a few out.</summary>
    public static int GradedCount(int count, GradingDesign grading)
    {
        var candidates = Math.Max(0, count - 2);
        var unit = grading.Unit();
        var whole = candidates / unit * unit;
        return whole > 0 && count - whole <= Math.Max(4, count / 8) ? whole : candidates;
    }

    private sealed class Draws(SeededNoise random)
    {
        public double NotGradedPosition { get; } = random.Uniform(0.1, 0.9);
        public double PlotMu { get; } = random.Uniform(8, 30);
        public double PlotRatio { get; } = random.Uniform(0.9, 1.6);
        public double InvestmentPerMu { get; } = random.Uniform(250, 600);
        public double ShiftDraw { get; } = random.Uniform();
        public int MeterSeed { get; } = (int)(random.Uniform() * int.MaxValue);
        public double RegisterStart { get; } = random.Uniform(5_000, 400_000);
    }

    /// <summary>The largest plot kept as the district generator made it, mu.</summary>
    private const double MaximumPlotMu = 60;

    /// <summary>a at t = 0 (the best), b at t = 1 (the worst), geometric in between.</summary>
    private static double Curve(double a, double b, double t) => a * Math.Pow(b / a, t);

    private static double Money(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static EnterpriseDesign DesignOne(EfficiencyYearOptions options, Enterprise enterprise, int? rank, int graded, string standing, double t, Draws draws)
    {
        const double m2PerMu = EnterpriseFacts.SquareMetresPerMu;
        // The worst sales per mu must still make the smallest graded plot 规上, with a tenth to spare.
        const double worstSalesPerMu = 450;
        var minimumMu = options.Grading.SizeThresholdRevenue * 1.1 / worstSalesPerMu;
        // A village park's works sits on a few to a few dozen mu. The district generator splits a park's
        // renovation area among few enterprises, which can give one 500 mu: at the designed sales and
        // energy per mu that is a steel mill drawing 80 MW, whose readings the consumption rules rightly
        // refuse as jumps. Such a plot gets a designed one too, and its floor with it.
        var landSet = enterprise.LandAreaM2 < minimumMu * m2PerMu || enterprise.LandAreaM2 > MaximumPlotMu * m2PerMu;
        var land = landSet ? Math.Round(draws.PlotMu * m2PerMu / 10) * 10 : enterprise.LandAreaM2;
        var floorSet = landSet || enterprise.FloorAreaM2 <= 0;
        var floor = floorSet ? Math.Round(land * draws.PlotRatio / 10) * 10 : enterprise.FloorAreaM2;
        var mu = land / m2PerMu;

        var revenue = Money(Curve(780, worstSalesPerMu, t) * mu);
        var output = Money(revenue * 1.04);
        var labourProductivity = Curve(34, 6, t);
        var employees = Math.Max(5, (int)Math.Round(output * Curve(0.30, 0.20, t) / labourProductivity));
        var valueAdded = Money(employees * labourProductivity);
        var tax = Money(Curve(38, 3, t) * mu);
        var rd = Money(revenue * Curve(5.8, 0.5, t) / 100);
        var tce = valueAdded / Curve(4.8, 0.6, t);
        var gasShare = GasUsers.Contains(enterprise.Industry) ? 0.01 : 0;
        var kwh = Math.Round(tce * (1 - gasShare) / TcePerKwh);
        var gas = Money(tce * gasShare / TcePerGasM3);
        var water = WaterPerOutput.TryGetValue(enterprise.Industry, out var perOutput) ? Math.Round(output * perOutput) : 0;

        var shifts = IndustryProfiles.Find(enterprise.Industry)?.Shifts ?? ["day"];
        var shift = ProductionProfile.Parse(shifts[(int)(draws.ShiftDraw * shifts.Count)]);
        var start = (long)Math.Round(draws.RegisterStart * 100);
        var counters = new List<CounterDesign>
        {
            new(EnergySensor, QuantityCatalogue.Energy.Name, QuantityCatalogue.Energy.Unit, (long)Math.Round(kwh * 100), start, null, CounterEvent.None, 0, 0),
        };
        if (gas > 0)
            counters.Add(new(GasSensor, QuantityCatalogue.GasVolume.Name, QuantityCatalogue.GasVolume.Unit, (long)Math.Round(gas * 100), start / 40, null, CounterEvent.None, 0, 0));
        if (water > 0)
            counters.Add(new(WaterSensor, QuantityCatalogue.WaterVolume.Name, QuantityCatalogue.WaterVolume.Unit, (long)Math.Round(water * 100), start / 20, null, CounterEvent.None, 0, 0));

        return new EnterpriseDesign
        {
            ParkId = enterprise.ParkId,
            EnterpriseId = enterprise.Id,
            Industry = enterprise.Industry,
            Standing = standing,
            Rank = rank,
            Grade = rank is { } r ? options.Grading.GradeOf(r, graded) : null,
            LandAreaM2 = land,
            FloorAreaM2 = floor,
            LandSet = landSet,
            FloorSet = floorSet,
            OutputValue = output,
            ValueAdded = valueAdded,
            Revenue = revenue,
            TaxPaid = tax,
            Employees = employees,
            RdSpending = rd,
            ElectricityKwh = kwh,
            GasM3 = gas,
            WaterM3 = water,
            Tce = (kwh * TcePerKwh) + (gas * TcePerGasM3),
            Meter = new MeterDesign(DeviceId(enterprise.ParkId, enterprise.Id), shift, draws.MeterSeed, counters),
        };
    }

    public const string EnergySensor = "energy-1";
    public const string GasSensor = "gas-1";
    public const string WaterSensor = "water-1";

    /// <summary>The enterprise's meter device: park and enterprise in the id (device ids are unique across parks), or a digest when too long.</summary>
    public static string DeviceId(string parkId, string enterpriseId)
    {
        var id = $"{parkId}-{enterpriseId}-meter";
        if (id.Length <= 64)
            return id;
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(parkId + "/" + enterpriseId)))[..12];
        return $"meter-{digest}";
    }

    /// <summary>
    /// A supervision agreement for about 40 % of the graded (at least three): investment, output per
    /// mu, tax per mu and energy per output targets set a fifth below what the year achieves (above,
    /// for energy); in every third agreement one target is set a quarter past it, and missed.
    /// </summary>
    private static List<EnterpriseDesign> AddAgreements(List<EnterpriseDesign> designs, SeededNoise random)
    {
        var graded = designs.Where(d => d.Rank is not null).ToList();
        var chosen = DistrictShuffle(graded, random).Take(Math.Min(graded.Count, Math.Max(3, (int)Math.Round(graded.Count * 0.4)))).ToHashSet();
        string[] targets = [AgreementTarget.InvestmentIntensity, AgreementTarget.OutputPerMu, AgreementTarget.TaxPerMu, AgreementTarget.EnergyPerOutput];
        var n = 0;
        for (var i = 0; i < designs.Count; i++)
        {
            var d = designs[i];
            var investment = new Draws(random).InvestmentPerMu;
            if (!chosen.Contains(d))
                continue;
            var missed = n % 3 == 0 ? targets[(int)(random.Uniform() * targets.Length)] : null;
            n++;
            var investmentMade = Money(investment * d.LandAreaMu);
            var achieved = new Dictionary<string, double>
            {
                [AgreementTarget.InvestmentIntensity] = investmentMade / d.LandAreaMu,
                [AgreementTarget.OutputPerMu] = d.OutputValue / d.LandAreaMu,
                [AgreementTarget.TaxPerMu] = d.TaxPaid / d.LandAreaMu,
                [AgreementTarget.EnergyPerOutput] = d.Tce / d.OutputValue,
            };
            double Target(string id)
            {
                var lowerIsBetter = id == AgreementTarget.EnergyPerOutput;
                var factor = (id == missed) != lowerIsBetter ? 1.25 : 0.8;
                return Math.Round(achieved[id] * factor, lowerIsBetter ? 4 : 2, MidpointRounding.AwayFromZero);
            }
            var misses = missed is null ? [] : new List<AgreementMiss> { new(missed, Target(missed), achieved[missed]) };
            designs[i] = d with
            {
                Agreement = new AgreementDesign(
                    string.Create(CultureInfo.InvariantCulture, $"产业监管协议-{d.ParkId}-{n:000}"),
                    new DateOnly(2019 + (int)(random.Uniform() * 5), 1 + (int)(random.Uniform() * 12), 1 + (int)(random.Uniform() * 28)),
                    investmentMade,
                    Target(AgreementTarget.InvestmentIntensity),
                    Target(AgreementTarget.OutputPerMu),
                    Target(AgreementTarget.TaxPerMu),
                    Target(AgreementTarget.EnergyPerOutput),
                    misses),
            };
        }
        return designs;
    }

    /// <summary>A reset, a rollover and a replacement on the electricity counters of three graded enterprises, somewhere in the middle half of the year.</summary>
    private static List<EnterpriseDesign> AddEvents(EfficiencyYearOptions options, List<EnterpriseDesign> designs, SeededNoise random)
    {
        var candidates = DistrictShuffle(Enumerable.Range(0, designs.Count).Where(i => designs[i].Rank is not null && !options.RegistryParks.Contains(designs[i].ParkId)).ToList(), random);
        CounterEvent[] events = [CounterEvent.Reset, CounterEvent.Rollover, CounterEvent.Replacement];
        var readings = (int)((CounterYear.YearStart(options.Year + 1) - CounterYear.YearStart(options.Year)).Ticks / options.Interval.Ticks);
        for (var e = 0; e < events.Length && e < candidates.Count; e++)
        {
            var i = candidates[e];
            var meter = designs[i].Meter;
            var energy = meter.Counters[0];
            var index = (readings / 4) + (int)(random.Uniform() * (readings / 2));
            var changed = energy with { Event = events[e], EventIndex = index };
            if (events[e] == CounterEvent.Rollover)
            {
                changed = changed with { Rollover = RegisterRollover };
                changed = changed with { StartHundredths = new CounterYear(options.Year, options.Interval, meter.Shift, meter.Seed, changed).RolloverStart() };
            }
            if (events[e] == CounterEvent.Replacement)
                changed = changed with { NewInitialHundredths = (long)(random.Uniform() * 5_000) };
            designs[i] = designs[i] with { Meter = meter with { Counters = [changed, .. meter.Counters.Skip(1)] } };
        }
        return designs;
    }

    /// <summary>The agreement targets, named by the indicator ids of SmartPark.Efficiency's IndicatorCatalogue that measure them.</summary>
    public static class AgreementTarget
    {
        public const string InvestmentIntensity = "investment_intensity";
        public const string OutputPerMu = "output_per_mu";
        public const string TaxPerMu = "tax_per_mu";
        public const string EnergyPerOutput = "energy_per_output";
    }

    private static List<T> DistrictShuffle<T>(List<T> items, SeededNoise random) => District.DistrictGenerator.Shuffle(items, random);
}
