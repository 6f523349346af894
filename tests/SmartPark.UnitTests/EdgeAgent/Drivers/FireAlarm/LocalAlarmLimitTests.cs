using SmartPark.EdgeAgent.Configuration;
using SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.FireAlarm;

/// <summary>
/// <c>Agent:FireAlarm:Limits</c>: combustible gas at its second level and residual current over its setting sound the
/// device's own buzzer and relay within a poll, with no network, and stop past their hysteresis.
/// </summary>
public sealed class LocalAlarmLimitTests
{
    private static readonly DateTimeOffset At = Sensors.At;
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    private static AlarmBench Bench() => new(o =>
    {
        o.Sensors.Add(new SensorOptions { Id = "gas-1", Driver = "sim-gas" });
        o.Sensors.Add(new SensorOptions { Id = "efd-1", Driver = "sim-electrical-fire" });
        o.FireAlarm!.Limits =
        [
            new LocalAlarmLimit { Sensor = "gas-1", Quantity = "gas_lel", Above = 50, ClearBelow = 40 },
            new LocalAlarmLimit { Sensor = "efd-1", Quantity = "residual_current", Above = 300, ClearBelow = 250 },
        ];
    });

    [Fact]
    public void Gas_past_its_second_level_sounds_the_buzzer_within_a_poll_and_stops_below_its_hysteresis()
    {
        var bench = Bench();

        // The detector's own reading in clean air (its twin's drifting zero) goes to the alarm and trips nothing.
        Assert.InRange(Assert.Single(bench.Driver("gas-1").Read(At)).Value, 0, 3);
        bench.Run(OneSecond);
        Assert.False(bench.Alarm.IsAlarming);

        bench.Alarm.ReportReading("gas-1", "gas_lel", 50.5);
        var took = bench.RunUntil(() => bench.BuzzerSounds && bench.RelayOn, OneSecond);
        Assert.True(took <= bench.Alarm.PollInterval);
        Assert.Equal(["gas-1/gas_lel"], bench.Alarm.Sources);

        bench.Alarm.ReportReading("gas-1", "gas_lel", 45);   // between the levels: keeps sounding
        bench.Run(OneSecond);
        Assert.True(bench.Alarm.IsAlarming);

        bench.Alarm.ReportReading("gas-1", "gas_lel", 40);
        bench.RunUntil(() => !bench.Alarm.IsAlarming && !bench.BuzzerSounds, OneSecond);
    }

    [Fact]
    public void Residual_current_over_its_setting_trips_the_alarm_and_other_quantities_of_the_sensor_do_not()
    {
        var bench = Bench();

        // The healthy twin's own readings: 80-odd mA, a terminal in the twenties, no arc.
        bench.Driver("efd-1").Read(At);
        bench.Alarm.ReportReading("efd-1", "cable_temperature", 400);
        bench.Run(OneSecond);
        Assert.False(bench.Alarm.IsAlarming);

        bench.Alarm.ReportReading("efd-1", "residual_current", 300.5);
        bench.RunUntil(() => bench.BuzzerSounds, OneSecond);
        Assert.Equal(["efd-1/residual_current"], bench.Alarm.Sources);
    }

    [Fact]
    public void The_sampled_reading_of_a_watched_sensor_reaches_the_alarm_through_its_driver()
    {
        // A setting below the healthy twin's natural leakage (80-odd mA): its own sampled reading must trip the alarm.
        var bench = new AlarmBench(o =>
        {
            o.Sensors.Add(new SensorOptions { Id = "efd-1", Driver = "sim-electrical-fire" });
            o.FireAlarm!.Limits = [new LocalAlarmLimit { Sensor = "efd-1", Quantity = "residual_current", Above = 30 }];
        });

        bench.Driver("efd-1").Read(At);

        bench.RunUntil(() => bench.BuzzerSounds && bench.RelayOn, OneSecond);
        Assert.Equal(["efd-1/residual_current"], bench.Alarm.Sources);
    }

    [Fact]
    public void A_limit_on_an_unknown_sensor_or_quantity_or_with_its_clearing_above_it_is_a_configuration_error()
    {
        var bench = Bench();
        bench.Options.FireAlarm!.Limits.Add(new LocalAlarmLimit { Sensor = "gas-9", Quantity = "gas_lel", Above = 50 });
        bench.Options.FireAlarm.Limits.Add(new LocalAlarmLimit { Sensor = "gas-1", Quantity = "radon", Above = 50, ClearBelow = 60 });
        bench.Options.FireAlarm.Limits.Add(new LocalAlarmLimit { Sensor = "gas-1", Quantity = "gas_lel" });

        var problems = bench.Options.Validate();

        Assert.Contains(problems, p => p.Contains("Limits:2: Sensor 'gas-9' is not in Agent:Sensors", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Limits:3: Quantity 'radon'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Limits:3: ClearBelow must be at or below Above", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Limits:4: Above", StringComparison.Ordinal));
    }
}
