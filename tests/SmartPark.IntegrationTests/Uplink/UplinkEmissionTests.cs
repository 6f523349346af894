using System.Globalization;
using SmartPark.BureauPlatform;
using SmartPark.Hj212;

namespace SmartPark.IntegrationTests.Uplink;

/// <summary>
/// The new sources through the whole path: a boiler's CEMS publishes NOx, O₂ and flue-gas flow;
/// Ingest derives NOx at reference oxygen and its emission rate and rolls them up; the uplink sends
/// the hour's ZsAvg and Cou (and the flow's volume) and the platform judges the hour against its
/// limit; a wastewater outlet's COD and flow give its Cou in kg and the day's exceedance; the RTO's
/// and the production line's meters go out as real-time data with the facility's run state (2021)
/// and its daily run time (2041).
/// </summary>
[Collection(UplinkCollection.Name)]
public sealed class UplinkEmissionTests(UplinkFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>NOx at 3.5 % O₂ from a dry reading at 6 % O₂: × (21 − 3.5) / (21 − 6) (HJ 212-2017 Annex D eq. 28).</summary>
    private const double ToReference = 17.5 / 15;

    /// <summary>mg/m³ × m³/s → kg/h, and mg/L × L/s → kg/h: × 3600 / 10⁶.</summary>
    private const double KgPerHour = 0.0036;

    private static double Number(ReceivedFrame frame, string field) => double.Parse(frame.Values[field], CultureInfo.InvariantCulture);

    /// <summary>The latest upload of a period once it satisfies <paramref name="done"/>: readings published in several
    /// batches may make a period that is revised when the rest arrive, and the platform keeps the latest.</summary>
    private Task<ReceivedFrame?> LatestAsync(string mn, string cn, DateTime localStart, Func<ReceivedFrame, bool> done, string what) =>
        Poll.UntilAsync(
            () => Task.FromResult(fixture.Platform.Frames(mn, cn).LastOrDefault(f => f.DataTime == Hj212Time.DataTime(localStart))),
            f => f is not null && done(f), Timeout, what);

    [Fact]
    public async Task A_boilers_hour_goes_out_at_reference_oxygen_with_its_emission_and_the_platform_finds_it_over_the_limit()
    {
        var day = UplinkFixture.LocalDay(2);
        // Hour 10: five minutes of four rounds, NOx 180-190 mg/m³ measured (under 200) but over 200 at
        // 3.5 % O₂; hour 11: two minutes of calibration (NOx 300), flagged C: not judged.
        var readings = new List<(string Sensor, string Quantity, double Value, DateTimeOffset Ts, string Flag)>();
        var nox10 = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var ts = UplinkFixture.Local(day.AddHours(10).AddSeconds(i * 15));
            var nox = 180 + (i % 5 * 2.5);
            nox10.Add(nox);
            readings.AddRange([("cems", "nox", nox, ts, "N"), ("cems", "o2", 6, ts, "N"), ("cems", "flue_gas_flow", 10, ts, "N")]);
        }
        for (var i = 0; i < 8; i++)
        {
            var ts = UplinkFixture.Local(day.AddHours(11).AddSeconds(i * 15));
            readings.AddRange([("cems", "nox", 300, ts, "C"), ("cems", "o2", 6, ts, "C"), ("cems", "flue_gas_flow", 10, ts, "N")]);
        }
        await fixture.PublishAsync(UplinkFixture.CemsDevice, [.. readings]);

        var mean = nox10.Average();
        var hour10 = (await LatestAsync(UplinkFixture.CemsMn, Hj212Commands.HourlyData, day.AddHours(10),
            f => f.Values.GetValueOrDefault("a21002-Avg") == Math.Round(mean, 1).ToString(CultureInfo.InvariantCulture), "hour 10 with all its readings"))!;
        Assert.Equal(Math.Round(mean, 1), Number(hour10, "a21002-Avg"));
        Assert.Equal(Math.Round(mean * ToReference, 1), Number(hour10, "a21002-ZsAvg"));
        Assert.Equal(Math.Round(180 * ToReference, 1), Number(hour10, "a21002-ZsMin"));
        Assert.Equal(Math.Round(190 * ToReference, 1), Number(hour10, "a21002-ZsMax"));
        // The hour's emission: its mean rate (mean of NOx × 10 m³/s × 0.0036) for the hour, and 36,000 m³ of flue gas.
        Assert.Equal(Math.Round(mean * 10 * KgPerHour, 3), Number(hour10, "a21002-Cou"), 3);
        Assert.Equal(36_000, Number(hour10, "a00000-Cou"));
        Assert.Equal("N", hour10.Values["a21002-Flag"]);
        var hour11 = (await LatestAsync(UplinkFixture.CemsMn, Hj212Commands.HourlyData, day.AddHours(11), f => f.Values.ContainsKey("a21002-ZsAvg"), "hour 11"))!;
        Assert.Equal("C", hour11.Values["a21002-Flag"]);
        Assert.Equal(Math.Round(300 * ToReference, 1), Number(hour11, "a21002-ZsAvg"));

        // The day: its hours' emissions summed, only the measured hour counting; its flag C (half its hours N).
        var daily = (await LatestAsync(UplinkFixture.CemsMn, Hj212Commands.DailyData, day, f => f.Values.GetValueOrDefault("a21002-Cou") == hour10.Values["a21002-Cou"], "the day with hour 10's emission"))!;
        Assert.Equal(Number(hour10, "a21002-Cou"), Number(daily, "a21002-Cou"), 3);
        Assert.Equal(Number(hour10, "a21002-ZsAvg"), Number(daily, "a21002-ZsAvg"));
        Assert.Equal("C", daily.Values["a21002-Flag"]);
        Assert.All([hour10, hour11, daily], f => Assert.Equal(Hj212Flag.Of(Hj212Version.V2025, ack: true), f.Flag));

        // The platform: hour 10 over the NOx limit at reference oxygen, hour 11 (C) not; the totals agree with the flow's.
        var judgement = Assert.Single(PointSummaries.Build(fixture.Platform.Log.Snapshot(), fixture.Platform.Server.ConnectedMns,
            fixture.Platform.Judge), p => p.Mn == UplinkFixture.CemsMn).Judgement!;
        var exceedance = Assert.Single(judgement.Exceedances);
        Assert.Equal((Hj212Commands.HourlyData, Hj212Time.DataTime(day.AddHours(10)), "a21002-ZsAvg", 200.0), (exceedance.Cn, exceedance.DataTime, exceedance.Field, exceedance.Limit));
        Assert.Empty(judgement.CouMismatches);
        Assert.DoesNotContain(fixture.Platform.Log.Snapshot(), f => f.Mn == UplinkFixture.CemsMn && !f.Valid);
    }

    [Fact]
    public async Task A_wastewater_outlets_cod_goes_out_with_its_kilograms_and_the_days_mean_over_the_limit()
    {
        var day = UplinkFixture.LocalDay(2);
        var readings = new List<(string Sensor, string Quantity, double Value, DateTimeOffset Ts, string Flag)>();
        var cod = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var ts = UplinkFixture.Local(day.AddHours(8).AddSeconds(i * 20));
            var value = 110 + (i % 3 * 10);
            cod.Add(value);
            readings.AddRange([("water", "cod", value, ts, "N"), ("water", "wastewater_flow", 5, ts, "N")]);
        }
        await fixture.PublishAsync(UplinkFixture.WaterDevice, [.. readings]);

        var expectedKg = Math.Round(cod.Average() * 5 * KgPerHour, 3);
        var hour = (await LatestAsync(UplinkFixture.WaterMn, Hj212Commands.HourlyData, day.AddHours(8),
            f => f.Values.GetValueOrDefault("w01018-Cou") == expectedKg.ToString(CultureInfo.InvariantCulture), "the hour with all its readings"))!;
        Assert.Equal(Math.Round(cod.Average(), 1), Number(hour, "w01018-Avg"));
        Assert.Equal(18, Number(hour, "w00000-Cou")); // 5 L/s for an hour: 18 m³
        Assert.False(hour.Values.ContainsKey("w01018-ZsAvg")); // nothing to convert in water
        var daily = (await LatestAsync(UplinkFixture.WaterMn, Hj212Commands.DailyData, day, f => f.Values.GetValueOrDefault("w01018-Cou") == hour.Values["w01018-Cou"], "the day with the hour's COD"))!;
        Assert.All([hour, daily], f => Assert.Equal(Hj212SystemCodes.SurfaceWaterPollutionSource, f.St));

        var judgement = fixture.Platform.Judge.Judge(fixture.Platform.Log.Snapshot().Where(f => f.Mn == UplinkFixture.WaterMn));
        var exceedance = Assert.Single(judgement.Exceedances);
        Assert.Equal((Hj212Commands.DailyData, "w01018-Avg", 100.0), (exceedance.Cn, exceedance.Field, exceedance.Limit));
        Assert.Empty(judgement.CouMismatches);
    }

    [Fact]
    public async Task Treatment_and_production_meters_go_out_with_the_facilitys_run_state_and_daily_run_time()
    {
        // Two days ago the RTO ran 30 minutes of an hour (20 kW) and idled the rest (0.5 kW, under its 1.5 kW idle load).
        var day = UplinkFixture.LocalDay(2);
        var past = Enumerable.Range(0, 120)
            .Select(i => ("rto", "power", i < 60 ? 20.0 : 0.5, UplinkFixture.Local(day.AddHours(14).AddSeconds(i * 30)), "N"))
            .ToArray();
        await fixture.PublishAsync(UplinkFixture.CemsDevice, past);
        // 60 minutes of data, 30 of them above the idle load: half an hour.
        await LatestAsync(UplinkFixture.CemsMn, Hj212Commands.RunTimeData, day, f => f.Values.GetValueOrDefault("SB1-RT") == "0.5", "the day's run time of SB1");

        // Now: the line draws 45.2 kW while the RTO idles at 0.8 kW: the RTO is stopped (RS=0) during production.
        var now = DateTimeOffset.UtcNow.AddSeconds(-1);
        await fixture.PublishAsync(UplinkFixture.CemsDevice,
            ("line-1", "power", 45.2, now, "N"), ("rto", "power", 0.8, now, "N"), ("rto", "energy", 1234.5, now, "N"));
        var meters = await Poll.UntilAsync(
            () => Task.FromResult(fixture.Platform.Frames(UplinkFixture.CemsMn, Hj212Commands.RealTimeData)),
            f => f.Any(x => x.Values.GetValueOrDefault("e30001-Rtd") == "45.2") && f.Any(x => x.Values.GetValueOrDefault("e30101-Rtd") == "0.8"),
            Timeout, "the meters' real-time data");
        var treatment = meters.Last(f => f.Values.GetValueOrDefault("e30101-Rtd") == "0.8");
        Assert.Equal("1234.5", treatment.Values["e30102-Rtd"]);
        Assert.Equal(Hj212Time.DataTime(now.ToOffset(UplinkFixture.Beijing).DateTime), treatment.DataTime);
        Assert.Equal(Hj212Flag.Of(Hj212Version.V2025, ack: true), treatment.Flag);
        await Poll.UntilAsync(
            () => Task.FromResult(fixture.Platform.Frames(UplinkFixture.CemsMn, Hj212Commands.RunStateData)),
            f => f.Any(x => x.DataTime == Hj212Time.DataTime(now.ToOffset(UplinkFixture.Beijing).DateTime) && x.Values["SB1-RS"] == "0"),
            Timeout, "the RTO's run state 0");

        var stopped = fixture.Platform.Judge.Judge(fixture.Platform.Log.Snapshot().Where(f => f.Mn == UplinkFixture.CemsMn)).TreatmentStopped;
        Assert.Contains(new TreatmentStopped(Hj212Time.DataTime(now.ToOffset(UplinkFixture.Beijing).DateTime), "SB1", "e30001", 45.2), stopped);
    }

    [Fact]
    public async Task Real_time_data_carries_nox_at_reference_oxygen_from_the_same_round()
    {
        var now = DateTimeOffset.UtcNow.AddSeconds(-1);
        await fixture.PublishAsync(UplinkFixture.CemsDevice, ("cems", "nox", 150, now, "N"), ("cems", "o2", 6, now, "N"), ("cems", "flue_gas_flow", 10, now, "N"));
        var frame = await Poll.UntilAsync(
            () => Task.FromResult(fixture.Platform.Frames(UplinkFixture.CemsMn, Hj212Commands.RealTimeData).LastOrDefault(f => f.Values.GetValueOrDefault("a21002-Rtd") == "150")),
            f => f is not null, Timeout, "real-time NOx");
        Assert.Equal("175", frame!.Values["a21002-ZsRtd"]); // 150 × 17.5 / 15
        Assert.Equal("10", frame.Values["a00000-Rtd"]);
        Assert.False(frame.Values.ContainsKey("a00000-ZsRtd"));
    }
}
