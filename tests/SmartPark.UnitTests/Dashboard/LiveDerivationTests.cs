using SmartPark.Contracts.Emissions;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;
using SmartPark.Dashboard.Live;

namespace SmartPark.UnitTests.Dashboard;

/// <summary>The Dashboard's live batches carry the converted values and rates Ingest derives, with the registry's settings of the sensor.</summary>
public sealed class LiveDerivationTests
{
    private static readonly DeviceAddress Stack = new("p-a", "e-boiler", "cems-1");
    private static readonly DateTimeOffset At = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static ParkRegistry Registry(string park = "p-a") => new(
        [new RegistryPark
        {
            Id = park, Name = "园区", District = "baiyun", LeadingIndustry = "boilers",
            Enterprises =
            [
                new RegistryEnterprise
                {
                    Id = "e-boiler", Name = "锅炉厂", Industry = "boilers", Status = "operating",
                    Devices =
                    [
                        new RegistryDevice
                        {
                            Id = "cems-1", Credential = "x",
                            Sensors = [new RegistrySensor { Id = "gas-1", Quantities = ["nox", "o2", "flue_gas_flow"], Emission = new EmissionSettings { ReferenceOxygen = 9 } }],
                        },
                    ],
                },
            ],
        }],
        []);

    private static Reading Read(string quantity, double value, string unit, string flag = DataFlag.Normal) =>
        new() { Sensor = "gas-1", Quantity = quantity, Value = value, Unit = unit, Ts = At, Flag = flag };

    private static readonly Reading[] Batch = [Read("nox", 200, "mg/m3"), Read("o2", 12, "%"), Read("flue_gas_flow", 10, "m3/s")];

    [Fact]
    public void A_flue_gas_batch_gains_the_converted_concentration_and_the_rate_as_Ingest_stores_them()
    {
        var readings = LiveDerivation.WithDerived(Stack, Batch, Registry());

        Assert.Equal(["nox", "o2", "flue_gas_flow", "nox_converted", "nox_rate"], readings.Select(r => r.Quantity));
        // 200 mg/m³ at 12 % O₂ to 9 %: 200 × (21 − 9) / (21 − 12) = 266.67 mg/m³ (GB 13271-2014, 5.2).
        var converted = readings.Single(r => r.Quantity == "nox_converted");
        Assert.Equal(266.667, converted.Value!.Value, 3);
        Assert.Equal(("gas-1", At, "mg/m3", DataFlag.Normal), (converted.Sensor, converted.Ts, converted.Unit, converted.Flag));
        // 200 mg/m³ × 10 m³/s × 3600 s/h ÷ 10⁶ mg/kg = 7.2 kg/h.
        Assert.Equal(7.2, readings.Single(r => r.Quantity == "nox_rate").Value!.Value, 6);
    }

    [Fact]
    public void A_calibration_flag_on_the_oxygen_makes_the_converted_value_a_calibration_value()
    {
        Reading[] batch = [Read("nox", 200, "mg/m3"), Read("o2", 12, "%", DataFlag.Calibration), Read("flue_gas_flow", 10, "m3/s")];
        var converted = LiveDerivation.WithDerived(Stack, batch, Registry()).Single(r => r.Quantity == "nox_converted");
        Assert.Equal(DataFlag.Calibration, converted.Flag);
    }

    [Fact]
    public void Without_the_registrys_reference_oxygen_no_converted_value_is_invented()
    {
        // The same device id registered in another park is not this device: its settings do not apply.
        var elsewhere = LiveDerivation.WithDerived(Stack, Batch, Registry("p-other"));
        Assert.DoesNotContain(elsewhere, r => r.Quantity == "nox_converted");
        Assert.Contains(elsewhere, r => r.Quantity == "nox_rate");
        Assert.DoesNotContain(LiveDerivation.WithDerived(Stack, Batch, null), r => r.Quantity == "nox_converted");
    }

    [Fact]
    public void A_batch_without_pollutants_is_passed_through_unchanged()
    {
        Reading[] power = [new() { Sensor = "m-1", Quantity = "power", Value = 3, Unit = "kW", Ts = At, Flag = DataFlag.Normal }];
        Assert.Same(power, LiveDerivation.WithDerived(Stack, power, Registry()));
    }
}
